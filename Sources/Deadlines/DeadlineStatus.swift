/// Where a deadline stands on a given day, for the reminder list (临期 / 超期).
public enum DeadlineStatus: Hashable, Sendable {
    /// More than the due-soon window left.
    case normal(daysLeft: Int)
    /// 1 to `dueSoonWithin` days left (临期).
    case dueSoon(daysLeft: Int)
    /// The due date is today: the act can still be done today (今日到期).
    case dueToday
    /// The due date has passed (超期).
    case overdue(daysOverdue: Int)

    /// Three days, as the brief for the reminder list asks; 规则第六百二十条 requires a 期限届满提示 but sets no number.
    public static let defaultDueSoonDays = 3

    /// - Parameters:
    ///   - due: the last day on which the act is in time.
    ///   - today: the calendar date in China (``CalendarDate/inChina(at:)``).
    ///   - dueSoonWithin: how many days before `due` a deadline counts as due soon.
    public init(due: CalendarDate, today: CalendarDate, dueSoonWithin: Int = defaultDueSoonDays) {
        let left = today.days(until: due)
        switch left {
        case ..<0: self = .overdue(daysOverdue: -left)
        case 0: self = .dueToday
        case 1...max(1, dueSoonWithin) where dueSoonWithin > 0: self = .dueSoon(daysLeft: left)
        default: self = .normal(daysLeft: left)
        }
    }

    /// Days until the due date: 0 on the day, negative once overdue.
    public var daysLeft: Int {
        switch self {
        case .normal(let days), .dueSoon(let days): days
        case .dueToday: 0
        case .overdue(let days): -days
        }
    }

    /// `正常` / `临期` / `今日到期` / `超期`.
    public var chineseLabel: String {
        switch self {
        case .normal: "正常"
        case .dueSoon: "临期"
        case .dueToday: "今日到期"
        case .overdue: "超期"
        }
    }

    /// `剩余5日` / `剩余2日` / `今日到期` / `已超期3日`.
    public var chineseText: String {
        switch self {
        case .normal(let days), .dueSoon(let days): "剩余\(days)日"
        case .dueToday: "今日到期"
        case .overdue(let days): "已超期\(days)日"
        }
    }
}
