extension ProsecutionReview {
    /// The period running now: the review period while the case is with the procuratorate, the supplementary
    /// investigation period while it is returned.
    public func deadline(calendar: HolidayCalendar) -> Deadline {
        switch phase {
        case .underReview(let since, let cause): reviewDeadline(since: since, cause: cause, calendar: calendar)
        case .returned(let on): supplementaryDeadline(returnedOn: on, calendar: calendar)
        }
    }

    private func reviewDeadline(since start: CalendarDate, cause: Cause, calendar: HolidayCalendar) -> Deadline {
        var citations: [LawCitation]
        var rule: String
        var notes: [String] = []
        let lastDay: CalendarDate
        switch track {
        case .ordinary:
            citations = [.law(172, 1), .rules(351, 1)]
            rule = "人民检察院对于移送起诉的案件，应当在一个月以内作出决定"
            if isExtended {
                rule += "；重大、复杂的案件，一个月以内不能作出决定的，可以延长十五日"
                let oneMonth = start.adding(months: 1)
                lastDay = oneMonth.adding(days: 15)
                notes.append(
                    "本案一个月期间届满于\(oneMonth.chineseText)，已延长十五日；延长审查起诉期限的审批主体，刑事诉讼法和人民检察院刑事诉讼规则均未规定，按本院审批程序办理")
            } else {
                lastDay = start.adding(months: 1)
            }
        case .fastTrack(let overOneYear):
            citations = [.law(172, 1), .rules(273, 1)]
            rule = "犯罪嫌疑人认罪认罚，符合速裁程序适用条件的，应当在十日以内作出决定"
            if isExtended {
                rule += "；对可能判处的有期徒刑超过一年的，可以延长至十五日"
                notes.append("本案已延长至十五日；审批主体，刑事诉讼法和人民检察院刑事诉讼规则均未规定，按本院审批程序办理")
                lastDay = start.adding(days: 15)
            } else {
                if overOneYear { notes.append("可能判处的有期徒刑超过一年，可以延长至十五日") }
                lastDay = start.adding(days: 10)
            }
        }
        switch cause {
        case .received:
            break
        case .resubmitted:
            citations += [.law(175, 3), .rules(346, 3)]
            notes.insert("第\(returnCount)次\(returnName)完毕移送起诉后，人民检察院重新计算审查起诉期限", at: 0)
        case .jurisdictionChanged:
            citations += [.law(172, 2), .rules(351, 2)]
            notes.insert("改变管辖的，从改变后的人民检察院收到案件之日起计算审查起诉期限", at: 0)
        }
        if returnCount > 0 { notes.append("已退回\(returnName)\(returnCount)次，以二次为限") }
        return Deadline(
            kind: .prosecutionReview, start: start, lastDay: lastDay, custody: custody, calendar: calendar, citations: citations,
            rule: rule, notes: notes)
    }

    private func supplementaryDeadline(returnedOn start: CalendarDate, calendar: HolidayCalendar) -> Deadline {
        var citations: [LawCitation] = [.rules(346, 1), .rules(346, 2)]
        let returnee: String
        switch referrer {
        case .publicSecurity:
            citations.insert(.law(175, 3), at: 0)
            returnee = "公安机关"
        case .supervisoryCommission:
            returnee = "监察机关"
        case .ownInvestigationDepartment:
            citations.append(.rules(346, 4))
            returnee = "本院负责侦查的部门"
        }
        return Deadline(
            kind: .supplementaryInvestigation, start: start, lastDay: start.adding(months: 1), custody: custody, calendar: calendar,
            citations: citations, rule: "退回\(returnee)\(returnName)的案件，应当在一个月以内\(returnName)完毕",
            notes: ["本案为第\(returnCount)次退回，\(returnName)以二次为限；\(returnName)完毕移送起诉后，人民检察院重新计算审查起诉期限"])
    }

    /// 补充调查 for a supervisory commission, 补充侦查 otherwise.
    private var returnName: String { referrer == .supervisoryCommission ? "补充调查" : "补充侦查" }
}
