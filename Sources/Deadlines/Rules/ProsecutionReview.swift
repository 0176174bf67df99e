/// One case's prosecution review (审查起诉) as a small state machine: received, maybe extended, returned for supplementary
/// investigation and resubmitted (at most twice), maybe moved to another procuratorate. ``deadline(calendar:)`` gives the
/// period running now.
///
/// - 刑事诉讼法第一百七十二条第一款 (规则第三百五十一条第一款): one month; a major or complex case may be extended by fifteen
///   days. A plea-leniency (认罪认罚) case fit for 速裁: ten days, "对可能判处的有期徒刑超过一年的，可以延长至十五日"
///   (also 规则第二百七十三条第一款).
/// - 第一百七十二条第二款 (规则第三百五十一条第二款): after a change of jurisdiction the period counts from the day the new
///   procuratorate receives the case.
/// - 第一百七十五条第三款 (规则第三百四十六条): supplementary investigation within one month, at most twice; when the case
///   comes back the review period is counted afresh. 规则第三百五十条: returns before and after a change of jurisdiction
///   count together.
///
/// A value: the case module stores it (`Codable`) and calls the mutating methods as events happen. Every method checks
/// its input and throws ``DeadlineError`` rather than record an impossible history.
public struct ProsecutionReview: Hashable, Sendable, Codable {
    /// Which review period applies.
    public enum Track: Hashable, Sendable, Codable {
        /// One month, +15 days for a major or complex case.
        case ordinary
        /// 认罪认罚 and fit for 速裁程序: ten days, extendable to fifteen when the possible prison term exceeds one year.
        case fastTrack(possibleSentenceOverOneYear: Bool)
    }

    /// Who investigated the case, which names the return: 补充侦查 to the police or the procuratorate's own investigators,
    /// 补充调查 to a supervisory commission (规则第三百四十三条、第三百四十六条).
    public enum Referrer: String, Hashable, Sendable, Codable {
        case publicSecurity
        case supervisoryCommission
        case ownInvestigationDepartment
    }

    /// Where the case is now.
    public enum Phase: Hashable, Sendable, Codable {
        /// With the procuratorate; the review period started on `since`.
        case underReview(since: CalendarDate, cause: Cause)
        /// With the investigators since `on`.
        case returned(on: CalendarDate)
    }

    /// Why the current review period started when it did.
    public enum Cause: String, Hashable, Sendable, Codable {
        /// 移送起诉: the first receipt.
        case received
        /// 补充侦查完毕移送起诉: counted afresh (第一百七十五条第三款).
        case resubmitted
        /// 改变管辖: counted from receipt by the new procuratorate (第一百七十二条第二款).
        case jurisdictionChanged
    }

    public let referrer: Referrer
    /// Whether the suspect is held; decides the holiday rule (刑事诉讼法第一百零五条第四款). Update it when measures change.
    public var custody: CustodyStatus
    public private(set) var track: Track
    public private(set) var phase: Phase
    /// Returns for supplementary investigation so far, across changes of jurisdiction (0–2).
    public private(set) var returnCount: Int
    /// Whether the current review period has been extended.
    public private(set) var isExtended: Bool
    /// The latest event date, to refuse events entered out of order.
    private var latestEvent: CalendarDate

    /// A review that starts on `receivedOn`, the day the case was received (移送起诉).
    public init(receivedOn: CalendarDate, track: Track = .ordinary, custody: CustodyStatus, referrer: Referrer = .publicSecurity) {
        self.referrer = referrer
        self.custody = custody
        self.track = track
        self.phase = .underReview(since: receivedOn, cause: .received)
        self.returnCount = 0
        self.isExtended = false
        self.latestEvent = receivedOn
    }

    /// Extends the current review period: by fifteen days for a major or complex ordinary case, to fifteen days for a
    /// 速裁 case whose possible prison term exceeds one year. The period counted afresh after a return or a change of
    /// jurisdiction is a new period and may be extended again.
    /// - Throws: ``DeadlineError/alreadyExtended``, ``DeadlineError/extensionNotProvided`` for a 速裁 case of one year or
    ///   less, ``DeadlineError/notUnderReview`` while the case is returned.
    public mutating func extend() throws {
        guard case .underReview = phase else { throw DeadlineError.notUnderReview }
        guard !isExtended else { throw DeadlineError.alreadyExtended("本次审查起诉期限已经延长，法律只规定延长一次（刑事诉讼法第一百七十二条第一款）") }
        if case .fastTrack(possibleSentenceOverOneYear: false) = track {
            throw DeadlineError.extensionNotProvided(
                "认罪认罚适用速裁程序的案件，可能判处的有期徒刑不超过一年的，应当在十日以内作出决定，法律未规定延长（刑事诉讼法第一百七十二条第一款）")
        }
        isExtended = true
    }

    /// Changes the track within the current period, e.g. a 速裁 case found unfit for 速裁, which then has the ordinary
    /// period (规则第二百七十三条第一款). An extension granted for the old track does not carry over.
    public mutating func changeTrack(to newTrack: Track) {
        guard newTrack != track else { return }
        track = newTrack
        isExtended = false
    }

    /// Records a return for supplementary investigation (退回补充侦查 / 补充调查) on `date`.
    /// - Throws: ``DeadlineError/thirdReturnRefused`` after two returns, ``DeadlineError/notUnderReview`` when the case is
    ///   already returned, ``DeadlineError/endBeforeStart`` for a date before the previous event.
    public mutating func returnForSupplementaryInvestigation(on date: CalendarDate) throws {
        guard case .underReview = phase else { throw DeadlineError.notUnderReview }
        guard returnCount < 2 else { throw DeadlineError.thirdReturnRefused }
        try checkOrder(date, what: "退回补充侦查日期")
        returnCount += 1
        phase = .returned(on: date)
        isExtended = false
    }

    /// Records the case coming back (补充侦查完毕移送起诉) on `date`; the review period is counted afresh from that day.
    /// - Throws: ``DeadlineError/notReturned`` when the case was not returned, ``DeadlineError/endBeforeStart`` for a date
    ///   before the return.
    public mutating func resubmit(on date: CalendarDate) throws {
        guard case .returned = phase else { throw DeadlineError.notReturned }
        try checkOrder(date, what: "重新移送起诉日期")
        phase = .underReview(since: date, cause: .resubmitted)
    }

    /// Records a change of jurisdiction: the new procuratorate received the case on `date`, and the period counts from
    /// that day. The returns already made still count (规则第三百五十条).
    /// - Throws: ``DeadlineError/notUnderReview`` while the case is returned, ``DeadlineError/endBeforeStart``.
    public mutating func changeJurisdiction(receivedOn date: CalendarDate) throws {
        guard case .underReview = phase else { throw DeadlineError.notUnderReview }
        try checkOrder(date, what: "改变管辖后收到案件日期")
        phase = .underReview(since: date, cause: .jurisdictionChanged)
        isExtended = false
    }

    private mutating func checkOrder(_ date: CalendarDate, what: String) throws {
        guard date >= latestEvent else { throw DeadlineError.endBeforeStart(start: latestEvent, end: date, what: what) }
        latestEvent = date
    }
}
