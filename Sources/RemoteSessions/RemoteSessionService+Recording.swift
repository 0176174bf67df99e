import Evidence
import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Security
import Store

extension RemoteSessionService {
    /// The session's sealed recording for playback: only for the prosecutor's side (the suspect's terminal does not
    /// replay it), checked against its seal before it is served, every playback audited.
    public func recording(_ sessionID: String, by actor: Actor, context: AuditContext) async throws -> (bytes: [UInt8], seal: String) {
        let view = try await session(sessionID, by: actor)
        guard let recordings else { throw HTTPError(.notFound, detail: "本次讯问没有录像。", code: "not-found") }
        return try await store.withTransaction { tx in
            guard try await self.sides(of: view, actor: actor, in: tx).booker else {
                throw HTTPError(.forbidden, detail: "只有办案人员可以查看录像。", code: "forbidden")
            }
            guard let row = try await tx.queryFirst("SELECT seal FROM session_recordings WHERE session_id = \(sessionID)") else {
                throw HTTPError(.notFound, detail: "录像尚未生成（讯问结束后数秒内完成），或本次讯问没有录像。", code: "not-found")
            }
            let seal: String = try row.decode(column: "seal")
            let file = recordings.file(for: sessionID)
            guard SealedFiles.verify(file, publicKey: recordings.keys.publicKey).valid else {
                throw HTTPError(.internalServerError, detail: "录像校验失败（与签章不符），已拒绝播放，请联系管理员。", code: "integrity-failure")
            }
            try await AuditLog.append(context.event("session.recording.play", "remoteSession", sessionID), in: tx)
            return ([UInt8](try Data(contentsOf: file)), seal)
        }
    }
}
