import Foundation
import HTTPRouter
import HTTPServer
public import Identity
public import Media
import Store

extension RemoteSessionService {
    /// Joining a session's video: only for its participants, only while it is confirmed, admitted or live, and only in
    /// its window (15 minutes before the start to 30 minutes after the end); the tokens expire with the window.
    public func mediaGrant(_ sessionID: String, by actor: Actor, media: MediaTokens, janus: JanusClient) async throws -> MediaGrant {
        let view = try await session(sessionID, by: actor)
        guard [.confirmed, .admitted, .live].contains(view.state) else {
            throw HTTPError(.conflict, detail: "远程提讯当前为“\(view.stateName)”，不能进入视频。", code: "wrong-state")
        }
        let now = clock.now()
        let opens = view.startsAt.addingTimeInterval(-15 * 60)
        let closes = view.endsAt.addingTimeInterval(30 * 60)
        guard now >= opens, now <= closes else {
            throw HTTPError(.conflict, detail: "只能在预约时段（开始前 15 分钟至结束后 30 分钟）内进入视频。", code: "outside-window")
        }
        let room = try await store.queryValue("SELECT media_room FROM remote_sessions WHERE id = \(sessionID)", as: Int64.self)
        do {
            try await janus.ensureRoom(room, secret: media.roomSecret(room), description: "\(view.caseNumber) 远程提讯")
        } catch {
            throw HTTPError(
                .serviceUnavailable, detail: "视频服务暂不可用（Janus 未运行或正在重启），预约和笔录不受影响，请稍后重试。", code: "media-unavailable",
                headers: ["Retry-After": "5"])
        }
        return try media.grant(room: room, display: actor.displayName, expiresAt: closes)
    }
}
