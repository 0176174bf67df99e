/// Writes a term in months the way a 量刑建议 does: 八个月, 一年, 一年六个月, 拘役三个月.
enum RecommendationText {
    static func chineseNumber(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 0..<10: return digits[value]
        case 10..<20: return "十" + (value == 10 ? "" : digits[value - 10])
        case 20..<100: return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10])
        default: return String(value)
        }
    }

    static func duration(months: Int) -> String {
        let years = months / 12
        let rest = months % 12
        switch (years, rest) {
        case (0, _): return chineseNumber(rest) + "个月"
        case (_, 0): return chineseNumber(years) + "年"
        default: return chineseNumber(years) + "年" + chineseNumber(rest) + "个月"
        }
    }

    /// 拘役 runs one to six months (刑法第四十二条) and 有期徒刑 starts at six months (刑法第四十五条),
    /// so terms under six months are written as 拘役.
    static func range(low: Int, high: Int, fine: String?) -> String {
        let body: String
        if high <= 6 && low < 6 {
            body = low == high ? "拘役\(duration(months: low))" : "拘役\(duration(months: low))至\(duration(months: high))"
        } else if low < 6 {
            body = "拘役\(duration(months: low))至有期徒刑\(duration(months: high))"
        } else {
            body = low == high ? "有期徒刑\(duration(months: low))" : "有期徒刑\(duration(months: low))至\(duration(months: high))"
        }
        guard let fine, !fine.isEmpty else { return body }
        return body + "，" + fine
    }
}
