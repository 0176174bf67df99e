/// The custody period of investigation after arrest (逮捕后的侦查羁押期限), with its extensions and restart.
///
/// - 刑事诉讼法第一百五十六条: two months; "案情复杂、期限届满不能终结的案件，可以经上一级人民检察院批准延长一个月".
/// - 第一百五十八条: for four kinds of case, "经省、自治区、直辖市人民检察院批准或者决定，可以延长二个月".
/// - 第一百五十九条: when the possible sentence is ten years or more, after the 第一百五十八条 extension, the same authority
///   "可以再延长二个月".
/// - 第一百六十条第一款: another important crime found during investigation restarts the period from the day it is found.
/// - 人民检察院刑事诉讼规则第三百零九条第三款: a request made after the period expired is not accepted.
/// The suspect is in custody throughout, so the holiday extension never applies. Each extension is counted from the last
/// day of the period it extends (a new period whose starting day is not counted).
public struct InvestigationCustody: Hashable, Sendable, Codable {
    /// The extensions the law provides, in the only order it allows them.
    public enum Extension: String, Hashable, Sendable, Codable, CaseIterable {
        /// 第一百五十六条: one month, approved by the procuratorate one level up.
        case complexCase
        /// 第一百五十八条: two months, approved or decided by the provincial procuratorate.
        case listedMajorCase
        /// 第一百五十九条: two more months when the possible sentence is ten years or more; provincial procuratorate.
        case possibleTenYearsOrMore

        var months: Int { self == .complexCase ? 1 : 2 }
        var citation: LawCitation { .law(self == .complexCase ? 156 : self == .listedMajorCase ? 158 : 159) }

        /// The sentence for the UI, naming the approving authority as the article does.
        var explanation: String {
            switch self {
            case .complexCase: "案情复杂、期限届满不能终结，经上一级人民检察院批准延长一个月（第一百五十六条）"
            case .listedMajorCase:
                "属第一百五十八条所列交通十分不便的边远地区的重大复杂案件、重大的犯罪集团案件、流窜作案的重大复杂案件或者犯罪涉及面广、取证困难的重大复杂案件，经省、自治区、直辖市人民检察院批准或者决定延长二个月"
            case .possibleTenYearsOrMore: "可能判处十年有期徒刑以上刑罚，依照第一百五十八条延长期限届满仍不能侦查终结，经省、自治区、直辖市人民检察院批准或者决定再延长二个月（第一百五十九条）"
            }
        }
    }

    /// The day of arrest, or the day another important crime was found (第一百六十条第一款).
    public private(set) var start: CalendarDate
    /// Whether `start` is a restart under 第一百六十条第一款.
    public private(set) var restarted: Bool
    /// The extensions granted so far, in order.
    public private(set) var extensions: [Extension]

    /// The period of a suspect arrested on `arrestedOn`.
    public init(arrestedOn: CalendarDate) {
        start = arrestedOn
        restarted = false
        extensions = []
    }

    /// The calendar last day of the period as extended so far (the suspect is held, so it is also the due date).
    public var lastDay: CalendarDate {
        extensions.reduce(start.adding(months: 2)) { end, granted in end.adding(months: granted.months) }
    }

    /// Grants the next extension, requested on `requestedOn`.
    /// - Throws: ``DeadlineError/alreadyExtended`` for an extension already granted (so any request after all three),
    ///   ``DeadlineError/extensionOutOfOrder`` for one whose predecessor is missing, ``DeadlineError/extensionAfterExpiry``
    ///   when requested after the last day, ``DeadlineError/endBeforeStart`` before the start.
    public mutating func extend(_ extension: Extension, requestedOn: CalendarDate) throws {
        guard !extensions.contains(`extension`) else {
            throw DeadlineError.alreadyExtended("侦查羁押期限已依照\(`extension`.citation)延长，不能再次依照该条延长")
        }
        guard let next = Extension.allCases.first(where: { !extensions.contains($0) }), next == `extension` else {
            throw DeadlineError.extensionOutOfOrder("依照\(`extension`.citation)延长之前，应当先依照\(Extension.allCases[extensions.count].citation)延长")
        }
        guard requestedOn >= start else { throw DeadlineError.endBeforeStart(start: start, end: requestedOn, what: "提请延长日期") }
        guard requestedOn <= lastDay else { throw DeadlineError.extensionAfterExpiry(due: lastDay) }
        extensions.append(`extension`)
    }

    /// Restarts the period from `discoveredOn`, the day another important crime was found (第一百六十条第一款); earlier
    /// extensions lapse. 规则第三百一十五条第二款 defines 另有重要罪行 as a different, serious crime, or the same crime in a way
    /// that changes the charge or the sentencing band.
    /// - Throws: ``DeadlineError/endBeforeStart`` for a day before the current start.
    public mutating func restart(discoveredOn: CalendarDate) throws {
        guard discoveredOn >= start else { throw DeadlineError.endBeforeStart(start: start, end: discoveredOn, what: "发现另有重要罪行日期") }
        start = discoveredOn
        restarted = true
        extensions = []
    }

    /// The period as it stands.
    public func deadline(calendar: HolidayCalendar) -> Deadline {
        var citations: [LawCitation] = [.law(156)] + extensions.filter { $0 != .complexCase }.map(\.citation)
        var notes = extensions.map(\.explanation)
        if restarted {
            citations.append(.law(160, 1))
            notes.insert("侦查期间发现犯罪嫌疑人另有重要罪行，自发现之日起重新计算侦查羁押期限", at: 0)
        }
        if extensions.count == Extension.allCases.count {
            notes.append("刑事诉讼法未规定再行延长；特别重大复杂的案件，由最高人民检察院报请全国人民代表大会常务委员会批准延期审理（第一百五十七条）")
        }
        return Deadline(
            kind: .investigationCustody, start: start, lastDay: lastDay, custody: .inCustody, calendar: calendar, citations: citations,
            rule: "对犯罪嫌疑人逮捕后的侦查羁押期限不得超过二个月", notes: notes)
    }
}
