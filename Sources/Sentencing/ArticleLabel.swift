/// Criminal Law article labels as the statute writes them: 第二百六十四条, 第一百三十三条之一.
public enum ArticleLabel {
    public static func label(number: Int, sub: Int = 0) -> String {
        let base = "第" + chinese(number) + "条"
        return sub == 0 ? base : base + "之" + chinese(sub)
    }

    /// The article number in a label, ignoring 之X: 第一百三十三条之一 → 133.
    public static func number(of label: String) -> Int? {
        guard label.hasPrefix("第"), let end = label.firstIndex(of: "条") else { return nil }
        let digits = label[label.index(after: label.startIndex)..<end]
        return Int(exactly: parseChinese(String(digits)))
    }

    static func chinese(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0 else { return "零" }
        if value < 10 { return digits[value] }
        if value < 20 { return "十" + (value % 10 == 0 ? "" : digits[value % 10]) }
        if value < 100 { return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10]) }
        let hundreds = digits[value / 100] + "百"
        let rest = value % 100
        if rest == 0 { return hundreds }
        if rest < 10 { return hundreds + "零" + digits[rest] }
        // Above one hundred the statute writes 一百一十条, not 一百十条.
        return hundreds + digits[rest / 10] + "十" + (rest % 10 == 0 ? "" : digits[rest % 10])
    }

    private static func parseChinese(_ text: String) -> Double {
        let values: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "零": 0]
        var total = 0
        var digit = 0
        for character in text {
            if let value = values[character] {
                digit = value
            } else if character == "百" {
                total += digit * 100
                digit = 0
            } else if character == "十" {
                total += (digit == 0 ? 1 : digit) * 10
                digit = 0
            }
        }
        return Double(total + digit)
    }
}
