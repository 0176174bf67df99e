/// The time the procuratorate has to decide on an arrest (审查逮捕期限).
///
/// - 审查批准逮捕 (a police request), 人民检察院刑事诉讼规则第二百八十二条: a suspect already detained, seven days from
///   receiving the 提请批准逮捕书 (also 刑事诉讼法第九十一条第三款); not detained, fifteen days, and no more than twenty for a
///   major or complex case. Neither text provides an extension for a detained suspect.
/// - 审查决定逮捕 (the procuratorate's own investigation), 规则第二百九十七条: detained, seven days from receiving the 逮捕犯罪嫌疑人
///   意见书, extendable by one to three days in special circumstances; not detained, fifteen days, twenty for a major or
///   complex case.
/// A detained suspect is in custody, so the holiday extension applies only to suspects who are not detained.
public enum ArrestReview {
    /// Who asks for the arrest.
    public enum Track: String, Hashable, Sendable, Codable {
        /// 审查批准逮捕: the police ask (提请批准逮捕书).
        case policeRequest
        /// 审查决定逮捕: the procuratorate's own investigation department asks (逮捕犯罪嫌疑人意见书).
        case ownInvestigation
    }

    /// The longer time the rules allow in some cases.
    public enum Extension: Hashable, Sendable, Codable {
        case none
        /// 重大、复杂案件: twenty days instead of fifteen, for a suspect not detained.
        case majorOrComplex
        /// 特殊情况: one to three more days, for a detained suspect in the procuratorate's own investigation (规则第二百九十七条).
        case specialCircumstances(days: Int)
    }

    /// - Parameters:
    ///   - receivedOn: the day the request (提请批准逮捕书 or 逮捕犯罪嫌疑人意见书) was received.
    ///   - suspectDetained: whether the suspect has been detained (已被拘留).
    /// - Throws: ``DeadlineError/extensionNotProvided`` for an extension the rules do not give this case.
    public static func deadline(
        receivedOn: CalendarDate, track: Track, suspectDetained: Bool, extension: Extension = .none, calendar: HolidayCalendar
    ) throws -> Deadline {
        let document = track == .policeRequest ? "提请批准逮捕书" : "逮捕犯罪嫌疑人意见书"
        let decision = track == .policeRequest ? "作出是否批准逮捕的决定" : "报请检察长决定是否逮捕"
        let article = track == .policeRequest ? 282 : 297
        let base = suspectDetained ? 7 : 15
        var days = base, notes: [String] = []
        var rule = "对\(suspectDetained ? "已" : "未")被拘留的犯罪嫌疑人，应当在收到\(document)后\(suspectDetained ? "七" : "十五")日以内\(decision)"
        switch (`extension`, suspectDetained, track) {
        case (.none, _, _):
            break
        case (.majorOrComplex, false, _):
            days = 20
            rule += "；重大、复杂案件，不得超过二十日"
            notes.append("本案按重大、复杂案件计算为二十日；认定重大、复杂案件的审批主体，人民检察院刑事诉讼规则未规定")
        case (.specialCircumstances(let extra), true, .ownInvestigation) where (1...3).contains(extra):
            days = base + extra
            rule += "；特殊情况下，决定逮捕的时间可以延长一日至三日"
            notes.append("本案延长\(extra)日，共\(days)日；延长的审批主体，人民检察院刑事诉讼规则第二百九十七条未写明（是否逮捕由检察长决定）")
        case (.majorOrComplex, true, _):
            throw DeadlineError.extensionNotProvided(
                "对已被拘留的犯罪嫌疑人，审查逮捕期限为七日，重大、复杂案件延长至二十日只适用于未被拘留的犯罪嫌疑人（人民检察院刑事诉讼规则第\(LawCitation.chineseNumeral(article))条）")
        case (.specialCircumstances(let extra), _, _):
            throw DeadlineError.extensionNotProvided(
                "特殊情况延长一日至三日只适用于本院侦查部门移送、犯罪嫌疑人已被拘留的审查逮捕案件（人民检察院刑事诉讼规则第二百九十七条），不能延长\(extra)日")
        }
        var citations: [LawCitation] = [.rules(article)]
        if track == .policeRequest && suspectDetained { citations.insert(.law(91, 3), at: 0) }
        return Deadline(
            kind: .arrestReview, start: receivedOn, lastDay: receivedOn.adding(days: days),
            custody: suspectDetained ? .inCustody : .notInCustody, calendar: calendar, citations: citations, rule: rule, notes: notes)
    }
}
