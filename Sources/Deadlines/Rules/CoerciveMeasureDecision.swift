/// The decision on coercive measures for a case transferred by a supervisory commission with the suspect in 留置.
///
/// 刑事诉讼法第一百七十条第二款 (and 人民检察院刑事诉讼规则第一百四十三条): the procuratorate detains the suspect first, which
/// ends the 留置, and "应当在拘留后的十日以内作出是否逮捕、取保候审或者监视居住的决定。在特殊情况下，决定的时间可以延长一日
/// 至四日。人民检察院决定采取强制措施的期间不计入审查起诉期限。" The suspect is detained, so the holiday extension never applies.
public enum CoerciveMeasureDecision {
    /// - Parameters:
    ///   - detainedOn: the day the detention was executed (执行拘留).
    ///   - extraDays: 0, or one to four days in special circumstances.
    /// - Throws: ``DeadlineError/extensionNotProvided`` for an extension outside one to four days.
    public static func deadline(detainedOn: CalendarDate, extraDays: Int = 0, calendar: HolidayCalendar) throws -> Deadline {
        guard extraDays == 0 || (1...4).contains(extraDays) else {
            throw DeadlineError.extensionNotProvided("特殊情况下决定的时间只能延长一日至四日（刑事诉讼法第一百七十条第二款），不能延长\(extraDays)日")
        }
        var notes = ["人民检察院决定采取强制措施的期间不计入审查起诉期限"]
        if extraDays > 0 { notes.insert("特殊情况下延长\(extraDays)日，共\(10 + extraDays)日；延长的审批主体，刑事诉讼法和规则均未规定", at: 0) }
        return Deadline(
            kind: .coerciveMeasureDecision, start: detainedOn, lastDay: detainedOn.adding(days: 10 + extraDays), custody: .inCustody,
            calendar: calendar, citations: [.law(170, 2), .rules(143)],
            rule: "对于监察机关移送起诉的已采取留置措施的案件，人民检察院应当在拘留后的十日以内作出是否逮捕、取保候审或者监视居住的决定", notes: notes)
    }
}
