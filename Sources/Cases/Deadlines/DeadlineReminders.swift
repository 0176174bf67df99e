import Deadlines
import Foundation
import Identity
public import Notifications
import Store

/// Tells each case team when their case's nearest deadline is three days away, due today, or past (临期/今日到期/超期),
/// once per deadline and state. Runs at start, every few minutes, and after each change to a case.
public struct DeadlineReminders: Sendable {
    let cases: CaseService
    let notifications: NotificationService

    public init(cases: CaseService, notifications: NotificationService) {
        self.cases = cases
        self.notifications = notifications
    }

    /// Checks every open case (or one); returns how many notifications were new.
    @discardableResult
    public func run(caseID: String? = nil) async throws -> Int {
        let today = cases.today
        let horizon = DeadlineStatusText.day(today, plus: DeadlineStatus.defaultDueSoonDays)
        let only: SQLQuery = caseID.map { "AND id = \($0)" } ?? ""
        let rows = try await cases.store.query(
            """
            SELECT id, name, case_number, next_deadline_on, next_deadline_kind FROM cases
            WHERE next_deadline_on IS NOT NULL AND next_deadline_on <= \(horizon) \(only)
            """)
        var sent = 0
        for row in rows {
            let id: String = try row.decode(column: "id")
            guard let view = DeadlineStatusText.view(
                kind: try row.decode(column: "next_deadline_kind"), dueOn: try row.decode(column: "next_deadline_on"), today: today)
            else { continue }
            let team = try await cases.store.query("SELECT user_id FROM case_team WHERE case_id = \(id)").map { try $0.decode(column: "user_id", as: String.self) }
            let name: String = try row.decode(column: "name")
            let number: String = try row.decode(column: "case_number")
            let (label, level, when): (String, UserNotification.Level, String) =
                switch view.status {
                case "overdue": ("超期", .danger, "已超期 \(-view.daysLeft) 天")
                case "dueToday": ("今日到期", .danger, "今日到期")
                default: ("临期", .warning, "还剩 \(view.daysLeft) 天")
                }
            let draft = NotificationDraft(
                kind: "deadline", subjectType: "case", subjectId: id, title: "\(label)：\(name)",
                body: "\(number) \(view.title)于 \(view.dueOn) 届满，\(when)。", level: level,
                dedupeKey: "deadline:\(id):\(view.kind):\(view.dueOn):\(view.status)")
            sent += try await notifications.send(draft, to: Set(team), at: cases.clock.now())
        }
        return sent
    }
}
