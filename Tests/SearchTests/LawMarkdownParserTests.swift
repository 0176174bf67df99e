import Search
import Testing

struct LawMarkdownParserTests {
    @Test func parsesEveryArticleOfTheCriminalLaw() throws {
        let law = try Fixtures.law(Fixtures.criminalLaw)
        #expect(law.title == "中华人民共和国刑法")
        #expect(law.articles.count == 505)
        #expect(law.metadata.count == 16)
        #expect(law.issues.isEmpty, "\(law.issues)")
        let theft = try #require(law.article(ArticleNumber(264)))
        #expect(theft.label == "第二百六十四条")
        #expect(theft.headingPath == ["第二编 分则", "第五章 侵犯财产罪"])
        #expect(theft.paragraphs.first?.text.hasPrefix("盗窃公私财物，数额较大的") == true)
        let inserted = try #require(law.article(ArticleNumber(133, suffix: 1)))
        #expect(inserted.label == "第一百三十三条之一")
        #expect(inserted.paragraphs[0].items.count >= 4)
        // The main numbers run from 1 to 452 without a gap.
        #expect(Set(law.articles.map(\.number)) == Set(1...452))
    }

    @Test func keepsParagraphsThatStartWithAReferenceInsideTheirArticle() throws {
        let law = try Fixtures.law(Fixtures.criminalLaw)
        let necessity = try #require(law.article(ArticleNumber(21)))
        #expect(necessity.paragraphs.count == 3)
        #expect(necessity.paragraphs[2].text.hasPrefix("第一款中关于避免本人危险的规定"))
    }

    @Test func keepsAppendicesAsLooseParagraphs() throws {
        let law = try Fixtures.law(Fixtures.criminalLaw)
        #expect(law.looseParagraphs.contains { $0.headingPath == ["附件一"] && $0.text.hasPrefix("1．中华人民共和国惩治军人违反职责罪暂行条例") })
    }

    @Test func parsesEveryArticleOfTheCriminalProcedureLawDespiteTheMisplacedSpace() throws {
        let law = try Fixtures.law(Fixtures.criminalProcedureLaw)
        #expect(law.articles.count == 308)
        #expect(law.articles.map(\.number) == Array(1...308))
        #expect(law.issues.map(\.kind) == [.spaceInsideLabel])
        let inspection = try #require(law.article(ArticleNumber(128)))
        #expect(inspection.paragraphs[0].text.hasPrefix("侦查人员对于与犯罪有关的场所"))
    }

    @Test func toleratesTheFourTyposOfTheSPCInterpretation() throws {
        let law = try Fixtures.law(Fixtures.spcInterpretation)
        #expect(law.issues.filter { $0.kind == .spaceInsideLabel }.count == 4)
        #expect(law.articles.map(\.number) == Array(1...law.articles.count))
        #expect(law.article(ArticleNumber(271))?.paragraphs.first?.text.hasPrefix("法庭对证据有疑问的") == true)
    }

    @Test func groupsItemsUnderTheirParagraph() {
        let text = """
            # 示例法

            2020年1月1日 通过

            <!-- INFO END -->

            ## 第一章 总则

            第一条 下列情形之一的：
            （一）甲；
            （二）乙。
            前款规定的情形，另行处理。

            第一条之一 插入的条文。
            第一条规定的内容不是新条文。
            第三条 第三条的内容。
            """
        let law = LawMarkdownParser().parse(text)
        #expect(law.metadata == ["2020年1月1日 通过"])
        #expect(law.articles.map(\.label) == ["第一条", "第一条之一", "第三条"])
        #expect(law.articles[0].paragraphs == [LawParagraph(text: "下列情形之一的：", items: ["（一）甲；", "（二）乙。"]), LawParagraph(text: "前款规定的情形，另行处理。")])
        #expect(law.articles[1].paragraphs.map(\.text) == ["插入的条文。", "第一条规定的内容不是新条文。"])
        #expect(law.articles[0].headingPath == ["第一章 总则"])
    }

    @Test func acceptsAMissingSpaceOnlyForTheExpectedNextArticle() {
        let law = LawMarkdownParser().parse("# 法\n<!-- INFO END -->\n第一条 甲。\n第二条乙。\n第五条丙。\n")
        #expect(law.articles.map(\.number) == [1, 2])
        #expect(law.issues.map(\.kind) == [.missingSpaceAfterLabel])
        #expect(law.articles[1].paragraphs.map(\.text) == ["乙。", "第五条丙。"])
    }

    @Test func reportsAMissingInfoEndAndDuplicates() {
        let law = LawMarkdownParser().parse("# 法\n第一条 甲。\n第一条 乙。\n")
        #expect(law.issues.map(\.kind) == [.missingInfoEnd, .duplicateArticle])
        #expect(law.articles.count == 2)
    }

    @Test func readsASecondTitleAsThePartOfACodeSplitOverFiles() {
        let law = LawMarkdownParser().parse("# 中华人民共和国民法典\n\n# 总则\n\n2020年5月28日 通过\n\n<!-- INFO END -->\n\n## 第一章 基本规定\n\n第一条 为了保护民事主体的合法权益。\n")
        #expect(law.title == "中华人民共和国民法典")
        #expect(law.issues.isEmpty)
        #expect(law.metadata == ["2020年5月28日 通过"])
        #expect(law.articles.first?.headingPath == ["总则", "第一章 基本规定"])
    }
}
