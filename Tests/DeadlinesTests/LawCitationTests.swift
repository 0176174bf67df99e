import Deadlines
import Testing

struct LawCitationTests {
    /// Article numbers as the statutes print them: 第十条 not 第一十条, 第一百零五条, 第一百一十条.
    @Test(arguments: [
        (10, "十"), (15, "十五"), (20, "二十"), (79, "七十九"), (100, "一百"), (105, "一百零五"), (110, "一百一十"),
        (172, "一百七十二"), (282, "二百八十二"), (620, "六百二十"), (1005, "一千零五"), (1050, "一千零五十"),
    ])
    func articleNumbersAreWrittenInChinese(article: Int, numeral: String) {
        #expect(LawCitation(.criminalProcedureLaw, article: article).description == "刑事诉讼法第\(numeral)条")
    }

    @Test func paragraphAndSourceAreNamed() {
        #expect(LawCitation(.criminalProcedureLaw, article: 91, paragraph: 3).description == "刑事诉讼法第九十一条第三款")
        #expect(LawCitation(.procuratorateRules, article: 346, paragraph: 2).description == "人民检察院刑事诉讼规则第三百四十六条第二款")
        #expect(LawCitation(.supremeCourtInterpretation, article: 202).description == "最高人民法院关于适用刑事诉讼法的解释第二百零二条")
    }
}
