import Sentencing
import Testing

struct ArticleLabelTests {
    @Test(arguments: [(264, 0, "第二百六十四条"), (133, 1, "第一百三十三条之一"), (110, 0, "第一百一十条"), (101, 0, "第一百零一条"), (67, 0, "第六十七条")])
    func writesLabelsAsTheStatuteDoes(number: Int, sub: Int, label: String) {
        #expect(ArticleLabel.label(number: number, sub: sub) == label)
        #expect(ArticleLabel.number(of: label) == number)
    }

    @Test func catalogMapsChargesToTheirArticles() throws {
        let catalog = try LawArticleCatalog.bundled()
        let byName = Dictionary(catalog.charges.map { ($0.charge, $0.articleLabel) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["盗窃"] == "第二百六十四条")
        #expect(byName["危险驾驶"] == "第一百三十三条之一")
        #expect(byName["故意伤害"] == "第二百三十四条")
        #expect(byName["失火"] == "第一百一十五条")
        #expect(byName["非法狩猎"] == "第三百四十一条")
        #expect(byName["信用卡诈骗"] == "第一百九十六条")
        #expect(byName["非法获取公民个人信息"] == "第二百五十三条之一")
        #expect(catalog.charges.count >= 201)
    }
}
