/// A computed statutory time limit: what it limits, from when, until when, under which articles, and why.
///
/// A value: rules build it, the case module stores it and the reminder list shows it with ``status(on:)``.
public struct Deadline: Hashable, Sendable, Codable {
    public let kind: DeadlineKind
    /// The day of the event that starts the period (收到、拘留、退回…). Not counted (刑事诉讼法第一百零五条第二款).
    public let start: CalendarDate
    /// The last day of the period by the calendar alone, before the holiday rule.
    public let lastDay: CalendarDate
    /// The day by which the procuratorate must act: `lastDay`, or the first working day after it when the holiday
    /// extension applies and `lastDay` is a 节假日 (第一百零五条第四款).
    public let due: CalendarDate
    /// The articles the period rests on, the most specific first.
    public let citations: [LawCitation]
    /// Whether a last day on a holiday moves (false while the person is in custody).
    public let holidayExtensionApplies: Bool
    /// Simplified Chinese text for the UI: the rule, the dates and any extension with its approving authority.
    public let explanation: String

    public init(
        kind: DeadlineKind, start: CalendarDate, lastDay: CalendarDate, due: CalendarDate, citations: [LawCitation],
        holidayExtensionApplies: Bool, explanation: String
    ) {
        self.kind = kind
        self.start = start
        self.lastDay = lastDay
        self.due = due
        self.citations = citations
        self.holidayExtensionApplies = holidayExtensionApplies
        self.explanation = explanation
    }

    /// Whether the holiday rule moved the due date past `lastDay`.
    public var movedByHoliday: Bool { due != lastDay }

    /// The citations joined for display: `刑事诉讼法第九十一条第三款；人民检察院刑事诉讼规则第二百八十二条`.
    public var citationText: String { citations.map(\.description).joined(separator: "；") }

    /// Where this deadline stands on `today`, for the reminder list (临期 / 超期).
    public func status(on today: CalendarDate, dueSoonWithin days: Int = DeadlineStatus.defaultDueSoonDays) -> DeadlineStatus {
        DeadlineStatus(due: due, today: today, dueSoonWithin: days)
    }
}
