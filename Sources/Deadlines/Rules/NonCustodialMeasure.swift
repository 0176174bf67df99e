/// The two non-custodial coercive measures with a statutory maximum (刑事诉讼法第七十九条第一款): "取保候审最长不得超过十二个月，
/// 监视居住最长不得超过六个月".
///
/// The period starts on the day the measure is carried out; 人民检察院刑事诉讼规则第一百条第四款 says so for 监视居住
/// ("自执行监视居住决定之日起计算"). Neither statute file states the starting event for 取保候审; the engine counts from the
/// day the caller passes. When the police decided the measure and the procuratorate decides it again at 审查起诉, the
/// period is counted afresh (规则第一百零三条、第一百一十三条): pass the new decision's date.
///
/// The person is not held (不在押), so by the words of 第一百零五条第四款 a last day on a holiday moves to the next working
/// day. ``Deadline/lastDay`` keeps the calendar date, for a procuratorate that prefers to act before the holiday.
public enum NonCustodialMeasure: String, Hashable, Sendable, Codable {
    /// 取保候审: twelve months at most.
    case bail
    /// 监视居住: six months at most.
    case residentialSurveillance

    /// The statutory maximum.
    public var maximum: Period { self == .bail ? .months(12) : .months(6) }

    /// The last day of the maximum period of a measure carried out on `executedOn`.
    public func maximumDeadline(executedOn: CalendarDate, calendar: HolidayCalendar) -> Deadline {
        let isBail = self == .bail
        return Deadline(
            kind: isBail ? .bail : .residentialSurveillance, start: executedOn,
            lastDay: executedOn.adding(months: isBail ? 12 : 6), custody: .notInCustody, calendar: calendar,
            citations: [.law(79, 1), isBail ? .rules(102) : .rules(112)] + (isBail ? [] : [.rules(100, 4)]),
            rule: isBail ? "取保候审最长不得超过十二个月" : "监视居住最长不得超过六个月",
            notes: ["期限届满的，应当及时解除\(isBail ? "取保候审" : "监视居住")（刑事诉讼法第七十九条第二款）"])
    }
}
