import Search
import Testing

struct ChineseNumeralTests {
    @Test(arguments: [
        ("二百六十四", 264), ("十", 10), ("十一", 11), ("二十", 20), ("一百一十", 110), ("一百零五", 105), ("一千零一", 1001),
        ("一千零一十", 1010), ("四百五十二", 452), ("两", 2), ("三万零五", 30005), ("十万", 100_000), ("264", 264), ("２６４", 264),
    ])
    func parsesStatuteAndDigitForms(text: String, value: Int) {
        #expect(ChineseNumeral.parse(text) == value)
    }

    @Test(arguments: [(264, "二百六十四"), (10, "十"), (11, "十一"), (110, "一百一十"), (1001, "一千零一"), (1010, "一千零一十"), (105, "一百零五"), (20000, "二万")])
    func formatsAsStatutesWrite(value: Int, text: String) {
        #expect(ChineseNumeral.format(value) == text)
    }

    @Test func roundTripsEveryValueUpToTwentyThousand() {
        for value in 1...20_000 {
            #expect(ChineseNumeral.parse(ChineseNumeral.format(value)) == value, "\(value)")
        }
    }

    @Test(arguments: ["", "二二", "十百", "百", "一百十十", "abc", "第一"])
    func rejectsMalformedNumerals(text: String) {
        #expect(ChineseNumeral.parse(text) == nil)
    }

    @Test func articleLabelsIncludeTheInsertionSuffix() {
        #expect(ArticleNumber(133, suffix: 1).label == "第一百三十三条之一")
        #expect(ArticleNumber(label: "第二百六十四条") == ArticleNumber(264))
        #expect(ArticleNumber(label: "第133条之一") == ArticleNumber(133, suffix: 1))
        #expect(ArticleNumber(label: "第一百二十八 条") == ArticleNumber(128))
        #expect(ArticleNumber(label: "第条") == nil)
    }
}
