import CaseFacts
import Testing

struct ChineseNumberTests {
    @Test(arguments: [
        ("3723", 3723.0), ("2.5", 2.5), ("1,200", 1200), ("３７２３", 3723), ("一万二千", 12_000), ("一万二", 12_000),
        ("二十五", 25), ("十二", 12), ("两", 2), ("三百零五", 305), ("一千零一", 1001), ("二〇一六", 2016),
        ("壹仟贰佰", 1200), ("一亿二千万", 120_000_000), ("十万", 100_000), ("五千五", 5500),
    ])
    func parsesArabicAndChineseNumerals(text: String, expected: Double) {
        #expect(ChineseNumber.parse(text) == expected)
    }

    @Test func rejectsText() {
        #expect(ChineseNumber.parse("人民币") == nil)
        #expect(ChineseNumber.parse("") == nil)
    }
}
