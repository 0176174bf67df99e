import Cases
public import Foundation
import HTTPRouter
import HTTPServer
public import Identity
public import Store

extension RemoteSessionService {
    /// Applies an action for the side the actor is on; a reason is required to refuse, cancel or record a no-show.
    public func act(_ sessionID: String, _ action: SessionAction, reason: String?, by actor: Actor, context: AuditContext) async throws -> RemoteSessionView {
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let rule = action.rule
        if rule.needsReason && reason.isEmpty { throw Self.invalid("请填写\(action.chineseName)的原因。", field: "reason") }
        guard reason.count <= 500 else { throw Self.invalid("原因不能超过 500 字。", field: "reason") }
        let (before, after): (RemoteSessionView, RemoteSessionView) = try await store.withTransaction { tx in
            let before = try await self.view(sessionID, in: tx, for: actor)
            let sides = try await self.sides(of: before, actor: actor, in: tx)
            let allowed =
                switch rule.side {
                case .host: sides.host
                case .booker: sides.booker
                case .either: sides.host || sides.booker
                }
            guard allowed else { throw HTTPError(.forbidden, detail: "您不能对该远程提讯“\(action.chineseName)”。", code: "forbidden") }
            guard rule.from.contains(before.state) else {
                throw HTTPError(
                    .conflict, detail: "该远程提讯当前为“\(before.state.chineseName)”，不能“\(action.chineseName)”。", code: "wrong-state", field: "action")
            }
            try await tx.execute(
                "UPDATE remote_sessions SET state = \(rule.to.rawValue), reason = \(reason), updated_at = \(self.clock.now()) WHERE id = \(sessionID)")
            try await self.recordEvent(sessionID, kind: action.rawValue, actorID: actor.userID, note: reason, in: tx)
            try await AuditLog.append(context.event("session.\(action.rawValue)", "remoteSession", sessionID), in: tx)
            return (before, try await self.view(sessionID, in: tx, for: actor))
        }
        let bookers = Set([after.prosecutorId] + after.participants.map(\.userId))
        let others = rule.side == .host ? bookers : try await hosts(of: after).union(bookers).subtracting([actor.userID])
        if action == .end, let recordings {
            let room = try await store.queryValue("SELECT media_room FROM remote_sessions WHERE id = \(sessionID)", as: Int64.self)
            let store = self.store
            let now = clock.now()
            // Janus closes its recording files when the participants leave; give them a moment, then archive.
            Task.detached {
                try? await Task.sleep(for: .seconds(3))
                await recordings.archive(sessionID: sessionID, room: room, store: store, at: now)
            }
        }
        let note = reason.isEmpty ? "" : "原因：\(reason)"
        await notify(after, "远程提讯\(action.chineseName)：\(after.caseName)", "\(Self.slot(after)) \(before.state.chineseName) → \(after.stateName)。\(note)", to: others)
        return after
    }

    /// Which side the actor is on for this session: host (an officer of its detention centre) and/or booker (the
    /// prosecutor, a participant, or a leader of the case's procuratorate).
    func sides(of view: RemoteSessionView, actor: Actor, in tx: any SQLExecutor) async throws -> (host: Bool, booker: Bool) {
        let centrePath = try await tx.queryValue("SELECT path FROM organisations WHERE id = \(view.room.detentionCentreId)", as: String.self)
        let host = AccessPolicy.can(actor, .sessionHost, .detentionCentre(path: centrePath))
        guard actor.permissions.contains(.sessionBook) else { return (host, false) }
        if view.prosecutorId == actor.userID || view.participants.contains(where: { $0.userId == actor.userID }) { return (host, true) }
        let managesCase = (try? await cases.caseForFeature(view.caseId, by: actor, permission: .caseManage, in: tx)) != nil
        return (host, managesCase)
    }

    /// One session, if the actor is on either side of it.
    public func session(_ id: String, by actor: Actor) async throws -> RemoteSessionView {
        try await store.withTransaction { tx in
            let view = try await self.view(id, in: tx, for: actor)
            let sides = try await self.sides(of: view, actor: actor, in: tx)
            guard sides.host || sides.booker else { throw Self.notFound }
            return view
        }
    }

    /// The calendar: sessions from `from` to `to` the actor hosts (their detention centres) or books (their cases).
    public func calendar(from: Date, to: Date, by actor: Actor) async throws -> [RemoteSessionView] {
        guard to > from, to.timeIntervalSince(from) <= 62 * 86_400 else { throw Self.invalid("查询区间须为 62 天以内。", field: "to") }
        let centres = actor.memberships(granting: .sessionHost).map(\.scopePath)
        var hostCondition: SQLQuery = "1 = 0"
        for path in centres { hostCondition = "\(hostCondition) OR substr(o.path, 1, \(path.count)) = \(path)" }
        let ids = try await store.query(
            """
            SELECT s.id FROM remote_sessions s JOIN interview_rooms r ON r.id = s.room_id JOIN organisations o ON o.id = r.detention_centre_id
            WHERE s.starts_at < \(to) AND s.ends_at > \(from) AND (
                (\(hostCondition))
                OR s.prosecutor_id = \(actor.userID)
                OR EXISTS (SELECT 1 FROM remote_session_participants p WHERE p.session_id = s.id AND p.user_id = \(actor.userID))
                OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = s.case_id AND t.user_id = \(actor.userID)))
            ORDER BY s.starts_at
            """
        ).map { try $0.decode(column: "id", as: String.self) }
        var result: [RemoteSessionView] = []
        for id in ids { result.append(try await view(id, in: store, for: actor)) }
        return result
    }

    /// The session as the actor sees it, with the actions open to them.
    func view(_ id: String, in executor: any SQLExecutor, for actor: Actor) async throws -> RemoteSessionView {
        guard let row = try await executor.queryFirst(
            """
            SELECT s.id, s.kind, s.case_id, c.name AS case_name, c.case_number, p.name AS suspect_name, s.room_id, r.detention_centre_id,
                   o.name AS centre_name, r.name AS room_name, r.opens_at, r.closes_at, s.prosecutor_id, u.display_name AS prosecutor_name,
                   s.starts_at, s.ends_at, s.state, s.reason
            FROM remote_sessions s JOIN cases c ON c.id = s.case_id JOIN case_persons p ON p.id = s.person_id
            JOIN interview_rooms r ON r.id = s.room_id JOIN organisations o ON o.id = r.detention_centre_id JOIN users u ON u.id = s.prosecutor_id
            WHERE s.id = \(id)
            """)
        else { throw Self.notFound }
        let participants = try await executor.query(
            """
            SELECT p.user_id, u.display_name, p.part FROM remote_session_participants p JOIN users u ON u.id = p.user_id
            WHERE p.session_id = \(id) ORDER BY u.display_name
            """
        ).map {
            RemoteSessionView.Participant(userId: try $0.decode(column: "user_id"), displayName: try $0.decode(column: "display_name"), part: try $0.decode(column: "part"))
        }
        let events = try await executor.query(
            """
            SELECT e.at, e.kind, e.note, u.display_name FROM remote_session_events e LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.session_id = \(id) ORDER BY e.position
            """
        ).map {
            RemoteSessionView.Event(at: try $0.decode(column: "at"), actorName: try $0.decode(column: "display_name"), kind: try $0.decode(column: "kind"), note: try $0.decode(column: "note"))
        }
        let state = SessionState(rawValue: try row.decode(column: "state")) ?? .cancelled
        let room = InterviewRoom(
            id: try row.decode(column: "room_id"), detentionCentreId: try row.decode(column: "detention_centre_id"),
            detentionCentreName: try row.decode(column: "centre_name"), name: try row.decode(column: "room_name"),
            opensAt: try row.decode(column: "opens_at"), closesAt: try row.decode(column: "closes_at"))
        var view = RemoteSessionView(
            id: id, kind: try row.decode(column: "kind"), caseId: try row.decode(column: "case_id"), caseName: try row.decode(column: "case_name"),
            caseNumber: try row.decode(column: "case_number"), suspectName: try row.decode(column: "suspect_name"), room: room,
            prosecutorId: try row.decode(column: "prosecutor_id"), prosecutorName: try row.decode(column: "prosecutor_name"),
            participants: participants, startsAt: try row.decode(column: "starts_at"), endsAt: try row.decode(column: "ends_at"), state: state,
            stateName: state.chineseName, reason: try row.decode(column: "reason"), allowedActions: [], events: events)
        let sides = try await sides(of: view, actor: actor, in: executor)
        view.allowedActions = SessionAction.allCases.filter { action in
            let rule = action.rule
            guard rule.from.contains(state) else { return false }
            switch rule.side {
            case .host: return sides.host
            case .booker: return sides.booker
            case .either: return sides.host || sides.booker
            }
        }.map { RemoteSessionView.AllowedAction(action: $0, name: $0.chineseName, needsReason: $0.rule.needsReason) }
        return view
    }
}
