/// Circumstances recognised by their wording, each with the phrases that name it in judgments.
extension FactExtractor {
    /// Phrase patterns per kind. Order matters only for readability; overlapping kinds are resolved by the sentencing engine.
    static let phraseTable: [(CircumstanceKind, [String])] = [
        (.attempt, ["未遂"]),
        (.accessory, ["从犯", "起(?:次要|辅助)作用"]),
        (.coercedAccomplice, ["胁从犯", "被胁迫参加"]),
        (.surrender, ["自首", "主动投案", "投案自首", "自动投案"]),
        (.confession, ["坦白", "如实供述", "如实交代"]),
        (.majorConfession, ["避免特别严重后果"]),
        (.courtPlea, [
            "当庭(?:自愿)?认罪", "庭审中[^。；]{0,8}(?:认罪|无异议)", "对[^。；]{0,16}(?:指控|起诉)[^。；]{0,12}(?:无异议|没有异议|供认不讳)",
        ]),
        (.majorMeritoriousService, ["重大立功"]),
        (.meritoriousService, ["(?<!重大)立功"]),
        (.restitution, ["退赃", "退赔", "退缴", "退还[^。；，]{0,6}(?:赃款|赃物|款项|全部|财物)"]),
        (.compensationAndForgiveness, ["赔偿[^。；]{0,40}(?:取得|获得|得到)[^。；]{0,10}谅解"]),
        (.compensation, ["(?:已|积极|主动|自愿|已经|足额|全额)(?:赔偿|赔付)", "达成[^。；]{0,6}赔偿协议"]),
        (.forgiveness, ["(?:取得|获得|得到)[^。；，]{0,12}谅解", "(?:表示|予以)谅解", "谅解书"]),
        (.reconciliation, ["刑事和解", "达成和解", "和解协议"]),
        (.custodyConduct, ["羁押期间表现(?:良好|较好|好)"]),
        (.pleaLeniency, ["认罪认罚", "签署[^。；]{0,8}具结书"]),
        (.recidivism, ["累犯"]),
        (.priorRecord, ["前科", "曾因[^。；]{0,30}(?:判处|刑事处罚|判刑)", "刑满释放"]),
        (.minor, [
            "已满(?:十二|十四|十六|12|14|16)周岁(?:不满|未满)(?:十六|十八|16|18)周岁", "未成年人?", "(?:不满|未满)(?:十八|18)周岁",
        ]),
        (.elderly, ["已满(?:七十五|75)周岁"]),
        (.deafMuteOrBlind, ["又聋又哑", "聋哑人", "盲人"]),
        (.vulnerableVictim, ["被害人[^。；，]{0,10}(?:系|是|为)?(?:未成年|幼女|儿童|残疾人|孕妇|老年人|老人)"]),
        (.epidemicPeriod, ["疫情防控期间", "疫情期间", "新冠肺炎疫情", "新型冠状病毒"]),
        (.burglary, ["入户"]),
        (.armed, ["携带凶器"]),
        (.pickpocketing, ["扒窃"]),
        (.flight, ["逃逸", "逃离(?:事故)?现场"]),
        (.responsibility, ["负(?:事故的?)?(全部|主要|同等|次要)责任", "承担(?:事故的?)?(全部|主要|同等|次要)责任"]),
        (.telecomFraud, ["电信网络诈骗", "电信诈骗", "网络诈骗", "拨打[^。；]{0,10}电话[^。；]{0,20}(?:冒充|谎称)"]),
    ]

    private static let compiledPhrases: [(CircumstanceKind, PatternSet)] = phraseTable.map { ($0.0, PatternSet($0.1)) }

    /// Words before a phrase that deny it (不构成自首, 无前科, 没有立功表现).
    static let negationsBefore = ["不构成", "不属于", "不具有", "不具备", "不是", "不能认定", "不予认定", "不认定", "没有", "并非", "否认", "不符合", "无", "非"]
    /// Words after a phrase that deny it (自首不成立).
    static let negationsAfter = ["不成立", "不能成立", "不予认定", "的意见不予采纳"]

    func phraseCircumstances(in text: ScalarText) -> [Circumstance] {
        var found: [Circumstance] = []
        var seen = Set<String>()
        for (kind, patterns) in Self.compiledPhrases {
            for match in patterns.matches(in: text) where !isNegated(match, in: text) {
                let key = "\(kind.rawValue):\(match.start)"
                guard seen.insert(key).inserted else { continue }
                found.append(circumstance(kind, from: match))
            }
        }
        return found
    }

    private func circumstance(_ kind: CircumstanceKind, from match: PatternMatch) -> Circumstance {
        switch kind {
        case .responsibility:
            return Circumstance(kind: kind, start: match.start, end: match.end, text: match.text, detail: match.groups.compactMap { $0 }.first)
        case .minor:
            let lowerBound = ["十二": 12.0, "12": 12, "十四": 14, "14": 14, "十六": 16, "16": 16].first { match.text.hasPrefix("已满\($0.key)") }
            return Circumstance(kind: kind, start: match.start, end: match.end, text: match.text, value: lowerBound?.value)
        default:
            return Circumstance(kind: kind, start: match.start, end: match.end, text: match.text)
        }
    }

    private func isNegated(_ match: PatternMatch, in text: ScalarText) -> Bool {
        let before = clauseTail(text.slice(match.start - 6, match.start))
        if Self.negationsBefore.contains(where: { before.hasSuffix($0) || before.hasSuffix($0 + "被告人") }) { return true }
        if before.contains("不构成") || before.contains("不属于") || before.contains("不能认定") { return true }
        let after = text.slice(match.end, match.end + 8)
        return Self.negationsAfter.contains { after.hasPrefix($0) || after.dropFirst(2).hasPrefix($0) }
    }

    /// The part of `text` after its last clause break, so a negation in a previous clause does not count.
    private func clauseTail(_ text: String) -> String {
        guard let index = text.lastIndex(where: { "，。；：,;:\n".contains($0) }) else { return text }
        return String(text[text.index(after: index)...])
    }
}
