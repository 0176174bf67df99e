/// How long the police may hold a detained suspect before asking the procuratorate to approve an arrest (提请批准逮捕时限).
///
/// 刑事诉讼法第九十一条第一款: "公安机关对被拘留的人，认为需要逮捕的，应当在拘留后的三日以内，提请人民检察院审查批准。
/// 在特殊情况下，提请审查批准的时间可以延长一日至四日。" 第二款: "对于流窜作案、多次作案、结伙作案的重大嫌疑分子，提请审查批准
/// 的时间可以延长至三十日。" The procuratorate watches this time as part of 羁押期限监督 (人民检察院刑事诉讼规则第六百一十二条).
/// The suspect is held throughout, so the holiday extension never applies.
public enum ArrestRequestWindow {
    /// The extension the police applied, if any.
    public enum Extension: Hashable, Sendable, Codable {
        case none
        /// 特殊情况: one to four days (第一款).
        case specialCircumstances(days: Int)
        /// 流窜作案、多次作案、结伙作案的重大嫌疑分子: up to thirty days in all (第二款).
        case roamingRepeatedOrGangSuspect
    }

    /// The last day on which the police may submit the request.
    /// - Throws: ``DeadlineError/extensionNotProvided`` for a special extension outside one to four days.
    public static func deadline(detainedOn: CalendarDate, extension: Extension = .none, calendar: HolidayCalendar) throws -> Deadline {
        let days: Int, rule: String, paragraph: Int
        switch `extension` {
        case .none:
            (days, paragraph, rule) = (3, 1, "公安机关对被拘留的人，认为需要逮捕的，应当在拘留后的三日以内提请人民检察院审查批准")
        case .specialCircumstances(let extra):
            guard (1...4).contains(extra) else {
                throw DeadlineError.extensionNotProvided("特殊情况下提请审查批准的时间只能延长一日至四日（刑事诉讼法第九十一条第一款），不能延长\(extra)日")
            }
            (days, paragraph, rule) = (3 + extra, 1, "特殊情况下，提请审查批准的时间在拘留后三日的基础上延长\(extra)日，共\(3 + extra)日")
        case .roamingRepeatedOrGangSuspect:
            (days, paragraph, rule) = (30, 2, "对于流窜作案、多次作案、结伙作案的重大嫌疑分子，提请审查批准的时间可以延长至三十日")
        }
        var notes: [String] = []
        if `extension` != .none { notes.append("延长的审批主体，刑事诉讼法和人民检察院刑事诉讼规则均未规定，以公安机关的审批手续为准") }
        return Deadline(
            kind: .arrestRequest, start: detainedOn, lastDay: detainedOn.adding(days: days), custody: .inCustody, calendar: calendar,
            citations: [.law(91, paragraph)], rule: rule, notes: notes)
    }
}
