import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Store

extension RemoteSessionService {
    static let maximumTranscriptCharacters = 200_000

    /// The latest transcript (or `version`), for either side: the terminal shows it to the suspect as it grows.
    public func transcript(_ sessionID: String, version: Int? = nil, by actor: Actor) async throws -> Transcript {
        let view = try await session(sessionID, by: actor)
        let isBooker = try await store.withTransaction { tx in try await self.sides(of: view, actor: actor, in: tx).booker }
        let versions = try await store.query(
            """
            SELECT v.version, v.saved_at, u.display_name FROM transcript_versions v JOIN users u ON u.id = v.saved_by
            WHERE v.session_id = \(sessionID) ORDER BY v.version
            """
        ).map { Transcript.VersionInfo(version: try $0.decode(column: "version"), savedAt: try $0.decode(column: "saved_at"), savedBy: try $0.decode(column: "display_name")) }
        let editable = isBooker && (view.state == .live || view.state == .ended)
        guard let chosen = version ?? versions.last?.version else {
            return Transcript(version: 0, turns: [], savedAt: nil, savedBy: nil, editable: editable, versions: [])
        }
        guard let row = try await store.queryFirst(
            "SELECT turns FROM transcript_versions WHERE session_id = \(sessionID) AND version = \(chosen)")
        else { throw HTTPError(.notFound, detail: "没有该版本的笔录。", code: "not-found") }
        let turns = try JSONDecoder().decode([Transcript.Turn].self, from: Data(try row.decode(column: "turns", as: String.self).utf8))
        let info = versions.first { $0.version == chosen }
        return Transcript(version: chosen, turns: turns, savedAt: info?.savedAt, savedBy: info?.savedBy, editable: editable, versions: versions)
    }

    /// Saves a new version, unless someone saved since `baseVersion` (409, so two editors never overwrite each other).
    public func saveTranscript(_ sessionID: String, _ save: TranscriptSave, by actor: Actor, context: AuditContext) async throws -> Transcript {
        let total = save.turns.reduce(0) { $0 + $1.text.count }
        guard total <= Self.maximumTranscriptCharacters else { throw Self.invalid("笔录不能超过 20 万字。", field: "turns") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(save.turns), as: UTF8.self)
        try await store.withTransaction { tx in
            let view = try await self.view(sessionID, in: tx, for: actor)
            guard try await self.sides(of: view, actor: actor, in: tx).booker else {
                throw HTTPError(.forbidden, detail: "只有本案办案人员可以制作笔录。", code: "forbidden")
            }
            guard view.state == .live || view.state == .ended else {
                throw HTTPError(.conflict, detail: "笔录只能在讯问开始后、签名前编辑（当前为“\(view.stateName)”）。", code: "wrong-state")
            }
            let latest = try await tx.queryValue(
                "SELECT COALESCE(MAX(version), 0) FROM transcript_versions WHERE session_id = \(sessionID)", as: Int.self)
            guard save.baseVersion == latest else {
                throw HTTPError(
                    .conflict, detail: "笔录已被他人更新（第 \(latest) 版），请载入最新版本后再修改。", code: "stale-version", field: "baseVersion")
            }
            try await tx.execute(
                """
                INSERT INTO transcript_versions (session_id, version, turns, saved_by, saved_at)
                VALUES (\(sessionID), \(latest + 1), \(text), \(actor.userID), \(self.clock.now()))
                """)
            try await AuditLog.append(context.event("session.transcript.save", "remoteSession", sessionID, details: ["version": String(latest + 1)]), in: tx)
        }
        return try await transcript(sessionID, by: actor)
    }
}
