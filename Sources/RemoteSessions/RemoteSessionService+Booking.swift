import Cases
import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Notifications
import Store

extension RemoteSessionService {
    /// Books a remote interrogation of a suspect held at the room's detention centre.
    public func book(_ input: NewBooking, by actor: Actor, context: AuditContext) async throws -> RemoteSessionView {
        guard input.endsAt > input.startsAt else { throw Self.invalid("结束时间须晚于开始时间。", field: "endsAt") }
        let length = input.endsAt.timeIntervalSince(input.startsAt)
        guard length >= Self.shortest, length <= Self.longest else { throw Self.invalid("每次提讯时长须在 15 分钟至 4 小时之间。", field: "endsAt") }
        guard input.startsAt > clock.now() else { throw Self.invalid("开始时间须晚于现在。", field: "startsAt") }
        let caseRef = try await cases.caseForFeature(input.caseId, by: actor, permission: .caseManage)
        guard actor.permissions.contains(.sessionBook) else { throw AccessDenied.error }
        let participants = Set(input.participantIds ?? []).subtracting([actor.userID])
        guard participants.isSubset(of: caseRef.teamUserIDs) else { throw Self.invalid("参加人须为本案办案组成员。", field: "participantIds") }
        let id = Self.newID()
        let mediaRoom = Int64.random(in: 100_000...9_007_199_254_740_991)
        let view: RemoteSessionView = try await store.withTransaction { tx in
            guard let room = try await tx.queryFirst(
                "SELECT detention_centre_id, opens_at, closes_at, name FROM interview_rooms WHERE id = \(input.roomId) AND active = 1")
            else { throw Self.invalid("所选谈话室不存在。", field: "roomId") }
            let centreID: String = try room.decode(column: "detention_centre_id")
            try self.checkOpeningHours(room, input)
            try await self.checkSuspectHeld(input, caseID: caseRef.id, centreID: centreID, in: tx)
            try await self.checkFree(input, prosecutorID: actor.userID, in: tx)
            let now = self.clock.now()
            try await tx.execute(
                """
                INSERT INTO remote_sessions (id, kind, case_id, person_id, room_id, prosecutor_id, starts_at, ends_at, state, reason, media_room,
                    created_by, created_at, updated_at)
                VALUES (\(id), 'interrogation', \(caseRef.id), \(input.personId), \(input.roomId), \(actor.userID), \(input.startsAt), \(input.endsAt),
                    'booked', '', \(mediaRoom), \(actor.userID), \(now), \(now))
                """)
            for userID in participants.sorted() {
                try await tx.execute("INSERT INTO remote_session_participants (session_id, user_id, part) VALUES (\(id), \(userID), 'member')")
            }
            try await self.recordEvent(id, kind: "booked", actorID: actor.userID, in: tx)
            try await AuditLog.append(context.event("session.book", "remoteSession", id, details: ["case": caseRef.id, "room": input.roomId]), in: tx)
            return try await self.view(id, in: tx, for: actor)
        }
        await notify(view, "新的远程提讯预约：\(view.caseName)", "\(view.prosecutorName) 预约了 \(Self.slot(view))，请确认。", to: try await hosts(of: view))
        return view
    }

    /// Within the room's opening hours, on one local day.
    func checkOpeningHours(_ room: Row, _ input: NewBooking) throws {
        let start = Self.local(input.startsAt)
        let end = Self.local(input.endsAt)
        let opens = Self.minutes(try room.decode(column: "opens_at")) ?? 0
        let closes = Self.minutes(try room.decode(column: "closes_at")) ?? 0
        guard start.day == end.day, start.minutes >= opens, end.minutes <= closes else {
            let name: String = try room.decode(column: "name")
            throw Self.invalid(
                "\(name)的开放时间为 \(try room.decode(column: "opens_at", as: String.self))–\(try room.decode(column: "closes_at", as: String.self))，预约须在同一天的开放时间内。",
                field: "startsAt")
        }
    }

    /// The suspect belongs to the case and is held at this detention centre now.
    func checkSuspectHeld(_ input: NewBooking, caseID: String, centreID: String, in tx: any SQLExecutor) async throws {
        guard let person = try await tx.queryFirst("SELECT role FROM case_persons WHERE id = \(input.personId) AND case_id = \(caseID)"),
            try person.decode(column: "role", as: String.self) == PersonRole.suspect.rawValue
        else { throw Self.invalid("所选人员不是本案的犯罪嫌疑人。", field: "personId") }
        let today = DayText.today(clock.now())
        let held = try await tx.queryFirst(
            """
            SELECT id FROM coercive_measures WHERE person_id = \(input.personId) AND kind IN ('criminalDetention', 'arrest') AND place_id = \(centreID)
            AND starts_on <= \(today) AND (ends_on IS NULL OR ends_on >= \(today))
            """)
        guard held != nil else { throw Self.invalid("该犯罪嫌疑人目前未羁押在此看守所，不能预约远程提讯。", field: "personId") }
    }

    /// No overlapping session holds the room, the suspect or the prosecutor.
    func checkFree(_ input: NewBooking, prosecutorID: String, excluding sessionID: String? = nil, in tx: any SQLExecutor) async throws {
        let states = SessionState.occupying.map(\.rawValue)
        let clashes = try await tx.query(
            """
            SELECT room_id, person_id, prosecutor_id FROM remote_sessions
            WHERE state IN (\(list: states)) AND starts_at < \(input.endsAt) AND ends_at > \(input.startsAt) AND id <> \(sessionID ?? "")
            AND (room_id = \(input.roomId) OR person_id = \(input.personId) OR prosecutor_id = \(prosecutorID))
            """)
        for clash in clashes {
            if try clash.decode(column: "room_id", as: String.self) == input.roomId {
                throw HTTPError(.conflict, detail: "该谈话室在此时段已被预约，请选择其他时段或谈话室。", code: "room-taken", field: "startsAt")
            }
            if try clash.decode(column: "person_id", as: String.self) == input.personId {
                throw HTTPError(.conflict, detail: "该犯罪嫌疑人在此时段已有其他提讯安排。", code: "suspect-taken", field: "startsAt")
            }
            throw HTTPError(.conflict, detail: "您在此时段已有其他远程提讯。", code: "prosecutor-taken", field: "startsAt")
        }
    }

    func recordEvent(_ sessionID: String, kind: String, actorID: String, note: String = "", in tx: any SQLExecutor) async throws {
        try await tx.execute(
            """
            INSERT INTO remote_session_events (id, session_id, position, at, actor_id, kind, note)
            VALUES (\(Self.newID()), \(sessionID),
                    (SELECT COALESCE(MAX(position), 0) + 1 FROM remote_session_events WHERE session_id = \(sessionID)),
                    \(clock.now()), \(actorID), \(kind), \(note))
            """)
    }

    /// The detention officers of the session's centre.
    func hosts(of view: RemoteSessionView) async throws -> Set<String> {
        Set(
            try await store.query(
                "SELECT user_id FROM memberships WHERE organisation_id = \(view.room.detentionCentreId) AND role = 'detentionOfficer'"
            ).map { try $0.decode(column: "user_id", as: String.self) })
    }

    /// Tells people about a change; a failed notification never undoes the change.
    func notify(_ view: RemoteSessionView, _ title: String, _ body: String, to users: Set<String>) async {
        let draft = NotificationDraft(
            kind: "remoteSession", subjectType: "remoteSession", subjectId: view.id, title: title, body: body, level: .info,
            dedupeKey: "session:\(view.id):\(view.state.rawValue)")
        _ = try? await notifications.send(draft, to: users, at: clock.now())
    }

    static func slot(_ view: RemoteSessionView) -> String {
        let start = local(view.startsAt)
        let end = local(view.endsAt)
        func time(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        return "\(start.day) \(time(start.minutes))–\(time(end.minutes))（\(view.room.detentionCentreName)\(view.room.name)）"
    }
}
