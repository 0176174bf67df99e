extension Deadline {
    /// Applies the holiday rule to a calendar last day and writes the explanation, the same way for every rule.
    ///
    /// - Parameters:
    ///   - rule: one sentence naming the rule and the period, without a final full stop.
    ///   - notes: sentences appended after the dates (extensions, approving authority, caveats).
    init(
        kind: DeadlineKind, start: CalendarDate, lastDay: CalendarDate, custody: CustodyStatus, calendar: HolidayCalendar,
        citations: [LawCitation], rule: String, notes: [String] = []
    ) {
        let due = custody.holidayExtensionApplies ? calendar.firstWorkingDay(onOrAfter: lastDay) : lastDay
        var sentences = [rule, "起算日\(start.chineseText)不计入期间，期间最后一日为\(lastDay.chineseText)"]
        var citations = citations
        if calendar.isRestDay(lastDay) {
            let name = calendar.holidayName(on: lastDay) ?? lastDay.weekday.chineseName
            if custody.holidayExtensionApplies {
                sentences.append("该日（\(name)）为节假日，以节假日后的第一日\(due.chineseText)为期满日期")
            } else {
                sentences.append("该日（\(name)）虽为节假日，但犯罪嫌疑人在押，应当至期满之日为止，不因节假日而延长")
            }
            citations.append(.law(105, 4))
        }
        sentences += notes
        self.init(
            kind: kind, start: start, lastDay: lastDay, due: due, citations: citations,
            holidayExtensionApplies: custody.holidayExtensionApplies, explanation: sentences.joined(separator: "。") + "。")
    }
}
