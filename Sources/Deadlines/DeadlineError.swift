/// Why a deadline could not be computed, with a Simplified Chinese message the UI can show as is.
///
/// A struct with a private code rather than a public enum, so reasons can be added without breaking callers (STYLE §6).
/// Two errors are equal when their reasons are equal, whatever the dates in the message.
public struct DeadlineError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: String, Sendable {
        case invalidDate, invalidTime, invalidPeriod, endBeforeStart
        case invalidHolidayArrangement
        case extensionNotProvided, alreadyExtended, extensionOutOfOrder, extensionAfterExpiry
        case thirdReturnRefused, notUnderReview, notReturned
    }

    private let code: Code
    /// Simplified Chinese text for the prosecutor.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Stable reason code, e.g. `"thirdReturnRefused"`.
    public var reason: String { code.rawValue }
    public var description: String { "DeadlineError(\(code.rawValue)): \(message)" }

    public static func == (lhs: DeadlineError, rhs: DeadlineError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Compares reasons only, so tests and callers can `catch` a kind of error without rebuilding its message.
    public static func ~= (pattern: DeadlineError, value: any Error) -> Bool {
        (value as? DeadlineError)?.code == pattern.code
    }

    // MARK: - Calendar input

    static func invalidDate(_ text: String) -> DeadlineError { DeadlineError(.invalidDate, "日期不存在或格式不正确：\(text)") }
    static func invalidTime(hour: Int, minute: Int) -> DeadlineError {
        DeadlineError(.invalidTime, "时间不正确：\(hour)时\(minute)分（小时应为0–23，分钟应为0–59）")
    }
    static func invalidPeriod(_ text: String) -> DeadlineError { DeadlineError(.invalidPeriod, "期间长度必须大于零：\(text)") }
    static func endBeforeStart(start: CalendarDate, end: CalendarDate, what: String) -> DeadlineError {
        DeadlineError(.endBeforeStart, "\(what)（\(end.chineseText)）不能早于\(start.chineseText)")
    }
    static func invalidHolidayArrangement(_ detail: String) -> DeadlineError {
        DeadlineError(.invalidHolidayArrangement, "节假日安排有误：\(detail)")
    }

    // MARK: - Rules

    static func extensionNotProvided(_ detail: String) -> DeadlineError { DeadlineError(.extensionNotProvided, detail) }
    static func alreadyExtended(_ detail: String) -> DeadlineError { DeadlineError(.alreadyExtended, detail) }
    static func extensionOutOfOrder(_ detail: String) -> DeadlineError { DeadlineError(.extensionOutOfOrder, detail) }
    static func extensionAfterExpiry(due: CalendarDate) -> DeadlineError {
        DeadlineError(
            .extensionAfterExpiry,
            "期限已于\(due.chineseText)届满，超过法定期限提请延长的不予受理（人民检察院刑事诉讼规则第三百零九条第三款）")
    }
    /// A third return for supplementary investigation (刑事诉讼法第一百七十五条第三款).
    public static let thirdReturnRefused = DeadlineError(
        .thirdReturnRefused,
        "补充侦查、补充调查以二次为限（刑事诉讼法第一百七十五条第三款、人民检察院刑事诉讼规则第三百四十六条第二款），本案已退回二次，不得第三次退回")
    /// A review event while the case is with the investigators.
    public static let notUnderReview = DeadlineError(.notUnderReview, "案件已退回补充侦查，尚未重新移送起诉，不能进行此操作")
    /// A resubmission without a return.
    public static let notReturned = DeadlineError(.notReturned, "案件未被退回补充侦查，不能重新移送起诉")

    // Public patterns for `catch` and tests: the message of a pattern is never shown.

    /// A date that does not exist (2026-02-30) or is not `YYYY-MM-DD`.
    public static let invalidDate = invalidDate("")
    /// An hour or minute out of range.
    public static let invalidTime = DeadlineError(.invalidTime, "")
    /// A period of zero or negative length.
    public static let invalidPeriod = invalidPeriod("")
    /// A later event dated before an earlier one.
    public static let endBeforeStart = DeadlineError(.endBeforeStart, "")
    /// A holiday arrangement whose dates do not fit together.
    public static let invalidHolidayArrangement = invalidHolidayArrangement("")
    /// An extension the law does not provide for this case.
    public static let extensionNotProvided = extensionNotProvided("")
    /// The same extension asked for twice.
    public static let alreadyExtended = alreadyExtended("")
    /// An extension asked for before the one it must follow.
    public static let extensionOutOfOrder = extensionOutOfOrder("")
    /// An extension asked for after the period expired.
    public static let extensionAfterExpiry = DeadlineError(.extensionAfterExpiry, "")
}
