public import Cases
public import Foundation
import HTTPRouter
import HTTPServer
public import Identity
public import Notifications
public import Store

/// Interview rooms and remote sessions: booking without double booking of room, suspect or prosecutor (checked in
/// one serialisable transaction), the detention officer's confirmation, and the session's life, each step audited
/// and told to the other side.
public final class RemoteSessionService: Sendable {
    public let store: any Store
    let cases: CaseService
    let notifications: NotificationService
    public let clock: any WallClock
    /// Where ended sessions' recordings go; nil when video is not set up (tests of the booking logic).
    public let recordings: RecordingArchive?

    public init(
        store: any Store, cases: CaseService, notifications: NotificationService, recordings: RecordingArchive? = nil, clock: any WallClock = SystemClock()
    ) {
        self.store = store
        self.cases = cases
        self.notifications = notifications
        self.recordings = recordings
        self.clock = clock
    }

    static let shortest: TimeInterval = 15 * 60
    static let longest: TimeInterval = 4 * 3600

    static func invalid(_ detail: String, field: String) -> HTTPError {
        HTTPError(.badRequest, detail: detail, code: "invalid-field", field: field)
    }

    static let notFound = HTTPError(.notFound, detail: "没有找到该远程提讯，或您无权查看。", code: "not-found")

    static func newID() -> String { UUID().uuidString.lowercased() }

    /// Minutes since midnight in Asia/Shanghai, and the local calendar day.
    static func local(_ date: Date) -> (day: String, minutes: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!), parts.hour! * 60 + parts.minute!)
    }

    /// `HH:MM` → minutes, or nil.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard text.count == 5, parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return parts[0] * 60 + parts[1]
    }

    // MARK: Rooms

    public func rooms(detentionCentreID: String) async throws -> [InterviewRoom] {
        try await store.query(
            """
            SELECT r.id, r.detention_centre_id, o.name AS centre_name, r.name, r.opens_at, r.closes_at FROM interview_rooms r
            JOIN organisations o ON o.id = r.detention_centre_id WHERE r.detention_centre_id = \(detentionCentreID) AND r.active = 1 ORDER BY r.name
            """
        ).map(Self.room(from:))
    }

    public func createRoom(detentionCentreID: String, _ input: NewRoom, by actor: Actor, context: AuditContext) async throws -> InterviewRoom {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...30).contains(name.count) else { throw Self.invalid("谈话室名称须为 1–30 个字。", field: "name") }
        guard let opens = Self.minutes(input.opensAt) else { throw Self.invalid("开放时间须为 08:30 这样的格式。", field: "opensAt") }
        guard let closes = Self.minutes(input.closesAt) else { throw Self.invalid("关闭时间须为 17:30 这样的格式。", field: "closesAt") }
        guard closes - opens >= 30 else { throw Self.invalid("关闭时间须晚于开放时间至少 30 分钟。", field: "closesAt") }
        let id = Self.newID()
        return try await store.withTransaction { tx in
            guard let centre = try await tx.queryFirst("SELECT path, kind FROM organisations WHERE id = \(detentionCentreID)"),
                try centre.decode(column: "kind", as: String.self) == OrganisationKind.detentionCentre.rawValue
            else { throw HTTPError(.notFound, detail: "没有找到该看守所。", code: "not-found") }
            guard AccessPolicy.can(actor, .roomManage, .detentionCentre(path: try centre.decode(column: "path"))) else { throw AccessDenied.error }
            do {
                try await tx.execute(
                    """
                    INSERT INTO interview_rooms (id, detention_centre_id, name, opens_at, closes_at, active, created_at)
                    VALUES (\(id), \(detentionCentreID), \(name), \(input.opensAt), \(input.closesAt), 1, \(self.clock.now()))
                    """)
            } catch let error as StoreError where error.reason == .uniqueViolation {
                throw HTTPError(.conflict, detail: "该看守所已有同名谈话室。", code: "duplicate", field: "name")
            }
            try await AuditLog.append(context.event("room.create", "interviewRoom", id, details: ["centre": detentionCentreID]), in: tx)
            return try Self.room(from: try await tx.queryOne(
                """
                SELECT r.id, r.detention_centre_id, o.name AS centre_name, r.name, r.opens_at, r.closes_at FROM interview_rooms r
                JOIN organisations o ON o.id = r.detention_centre_id WHERE r.id = \(id)
                """))
        }
    }

    static func room(from row: Row) throws -> InterviewRoom {
        InterviewRoom(
            id: try row.decode(column: "id"), detentionCentreId: try row.decode(column: "detention_centre_id"),
            detentionCentreName: try row.decode(column: "centre_name"), name: try row.decode(column: "name"),
            opensAt: try row.decode(column: "opens_at"), closesAt: try row.decode(column: "closes_at"))
    }
}
