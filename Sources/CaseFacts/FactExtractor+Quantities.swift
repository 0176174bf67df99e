/// Quantities: amounts of money, counts, injury grades, drugs, ages and blood alcohol.
extension FactExtractor {
    private static let amountPatterns = PatternSet([
        "(共计|合计|总计|累计|总价值|总额|共)?(?:人民币)?(\(Patterns.number))(余)?(万|亿)?(余)?元"
    ])
    private static let countPatterns = PatternSet([
        "(\(Patterns.number)|多)(?:次|起)(?![日诉])"
    ])
    private static let injuryPatterns = PatternSet([
        "(轻微伤|轻伤|重伤)([一二三]级|[甲乙丙]级)?"
    ])
    private static let disabilityPatterns = PatternSet([
        "([一二三四五六七八九十]+)级(?:伤残|残疾)|伤残(?:等级为?)?([一二三四五六七八九十]+)级"
    ])
    private static let deathPatterns = PatternSet([
        "(?:致|造成)(\(Patterns.number))人死亡|(?:抢救无效|当场|经抢救无效)死亡"
    ])
    static let drugNames = [
        "甲基苯丙胺", "冰毒", "海洛因", "氯胺酮", "K粉", "摇头丸", "MDMA", "大麻", "可卡因", "鸦片",
        "吗啡", "甲卡西酮", "芬太尼", "麻古", "美沙酮", "曲马多", "二氢埃托啡", "咖啡因", "三唑仑",
    ]
    private static let drugPatterns = PatternSet([
        "(\(drugNames.joined(separator: "|")))[^。；;，,]{0,20}?(\(Patterns.number))(克|千克|公斤|g|kg|毫克)"
    ])
    private static let agePatterns = PatternSet(["(\(Patterns.number))周?岁"])
    private static let alcoholPatterns = PatternSet([
        "(?:血液中?)?(?:乙醇|酒精)(?:含量)?(?:为|是|达)?(\(Patterns.arabicNumber))\\s*(?:mg|毫克|ｍｇ)\\s*/\\s*100\\s*(?:ml|mL|毫升|ｍｌ)"
    ])

    func amounts(in text: ScalarText) -> [Circumstance] {
        Self.amountPatterns.matches(in: text).compactMap { match in
            guard let numberText = match.groups[1], var value = ChineseNumber.parse(numberText) else { return nil }
            switch match.groups[3] {
            case "万": value *= 10_000
            case "亿": value *= 100_000_000
            default: break
            }
            // 某 right after a number is the source's anonymisation (2473万某), not a currency.
            if text.slice(match.end, match.end + 1) == "某" { return nil }
            let isTotal = match.groups[0] != nil
            return Circumstance(
                kind: .amount, start: match.start, end: match.end, text: match.text, value: value,
                detail: isTotal ? "total" : nil)
        }
    }

    func counts(in text: ScalarText) -> [Circumstance] {
        Self.countPatterns.matches(in: text).compactMap { match in
            let numberText = match.groups[0] ?? ""
            if numberText == "多" {
                return Circumstance(kind: .count, start: match.start, end: match.end, text: match.text, detail: "多次")
            }
            // 一次性 and 再次/首次 are not counts of offences.
            if text.slice(match.end, match.end + 1) == "性" { return nil }
            guard let value = ChineseNumber.parse(numberText), value >= 1, value < 10_000 else { return nil }
            return Circumstance(kind: .count, start: match.start, end: match.end, text: match.text, value: value)
        }
    }

    func injuries(in text: ScalarText) -> [Circumstance] {
        var found = Self.injuryPatterns.matches(in: text).map { match -> Circumstance in
            let gradeText = match.groups[1].map { String($0.prefix(1)) }
            let grade = gradeText.flatMap { ChineseNumber.parse($0) ?? ["甲": 1, "乙": 2, "丙": 3][$0] }
            return Circumstance(kind: .injury, start: match.start, end: match.end, text: match.text, value: grade, detail: match.groups[0])
        }
        found += Self.disabilityPatterns.matches(in: text).compactMap { match in
            guard let gradeText = match.groups[0] ?? match.groups[1], let grade = ChineseNumber.parse(gradeText) else { return nil }
            return Circumstance(kind: .disability, start: match.start, end: match.end, text: match.text, value: grade)
        }
        found += Self.deathPatterns.matches(in: text).map { match in
            let people = match.groups[0].flatMap { ChineseNumber.parse($0) } ?? 1
            return Circumstance(kind: .death, start: match.start, end: match.end, text: match.text, value: people)
        }
        return found
    }

    func drugs(in text: ScalarText) -> [Circumstance] {
        Self.drugPatterns.matches(in: text).compactMap { match in
            guard let numberText = match.groups[1], let number = ChineseNumber.parse(numberText) else { return nil }
            let grams: Double =
                switch match.groups[2] {
                case "千克", "公斤", "kg": number * 1000
                case "毫克": number / 1000
                default: number
                }
            let name = match.groups[0] == "冰毒" ? "甲基苯丙胺" : match.groups[0]
            return Circumstance(kind: .drug, start: match.start, end: match.end, text: match.text, value: grams, detail: name)
        }
    }

    func ages(in text: ScalarText) -> [Circumstance] {
        Self.agePatterns.matches(in: text).compactMap { match in
            guard let numberText = match.groups[0], let years = ChineseNumber.parse(numberText), years < 130 else { return nil }
            return Circumstance(kind: .age, start: match.start, end: match.end, text: match.text, value: years)
        }
    }

    func bloodAlcohol(in text: ScalarText) -> [Circumstance] {
        Self.alcoholPatterns.matches(in: text).compactMap { match in
            guard let numberText = match.groups[0], let value = ChineseNumber.parse(numberText) else { return nil }
            return Circumstance(kind: .bloodAlcohol, start: match.start, end: match.end, text: match.text, value: value)
        }
    }
}
