import Search
import Testing

struct CitationParserTests {
    let parser = CitationParser()
    static let criminalLaw = "中华人民共和国刑法"
    static let procedureLaw = "中华人民共和国刑事诉讼法"

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var title: String
        var article: ArticleNumber
        var paragraph: Int? = nil
        var item: Int? = nil
        var testDescription: String { query }
    }

    @Test(arguments: [
        Case(query: "刑法第264条", title: criminalLaw, article: ArticleNumber(264)),
        Case(query: "刑法第二百六十四条", title: criminalLaw, article: ArticleNumber(264)),
        Case(query: "《中华人民共和国刑事诉讼法》第一百七十四条第一款", title: procedureLaw, article: ArticleNumber(174), paragraph: 1),
        Case(query: "刑诉法174条", title: procedureLaw, article: ArticleNumber(174)),
        Case(query: "刑诉规则第272条", title: "人民检察院刑事诉讼规则", article: ArticleNumber(272)),
        Case(query: "刑法133条之一", title: criminalLaw, article: ArticleNumber(133, suffix: 1)),
        Case(query: "高法解释第二百七十一条", title: "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", article: ArticleNumber(271)),
        Case(query: " 刑法 第 二百六十四 条 ", title: criminalLaw, article: ArticleNumber(264)),
        Case(query: "刑诉法第八十一条第一款第二项", title: procedureLaw, article: ArticleNumber(81), paragraph: 1, item: 2),
        Case(query: "刑法第264条的规定", title: criminalLaw, article: ArticleNumber(264)),
        Case(query: "刑法264", title: criminalLaw, article: ArticleNumber(264)),
        Case(query: "刑诉法 174", title: procedureLaw, article: ArticleNumber(174)),
    ])
    func resolvesEveryCitationForm(example: Case) throws {
        let citation = try #require(parser.parseQuery(example.query))
        #expect(citation.lawTitle == example.title)
        #expect(citation.article == example.article)
        #expect(citation.paragraph == example.paragraph)
        #expect(citation.item == example.item)
    }

    @Test func keepsAnUnknownLawNameForTheIndexToResolve() throws {
        let citation = try #require(parser.parseQuery("《某某省禁毒条例》第五条"))
        #expect(citation.lawName == "某某省禁毒条例")
        #expect(citation.lawTitle == nil)
        #expect(citation.article == ArticleNumber(5))
    }

    @Test(arguments: ["盗窃罪", "第264条", "刑法", "数额较大 第二百六十四条", "刑法第条", "偷东西判几年", "", "《》第一条", "盗窃2000", "刑法12345"])
    func rejectsQueriesThatAreNotCitations(query: String) {
        #expect(parser.parseQuery(query) == nil)
    }

    @Test func findsReferencesToThisLawAndToOthers() {
        let text = "依照本法第二百六十四条、第二百六十六条的规定定罪处罚；违反刑事诉讼法第八十一条第一款的，适用《中华人民共和国刑法》第三十七条之一。"
        let found = parser.references(in: text)
        #expect(found.map(\.article) == [ArticleNumber(264), ArticleNumber(266), ArticleNumber(81), ArticleNumber(37, suffix: 1)])
        #expect(found.map(\.lawName) == [nil, nil, "刑事诉讼法", "中华人民共和国刑法"])
        #expect(found[2].lawTitle == Self.procedureLaw && found[2].paragraph == 1)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found[0].range])) == "本法第二百六十四条")
    }

    @Test func findsRelativeReferences() {
        let found = parser.references(in: "犯前款罪的，依照前两款的规定处罚；第一款中关于避免本人危险的规定；前条规定")
        #expect(found.map(\.precedingCount) == [1, 2, nil, 1])
        #expect(found[2].paragraph == 1 && found[2].article == nil)
        #expect(found[3].isPrecedingArticle)
    }

    @Test func ignoresOrdinalsThatAreNotReferences() {
        #expect(parser.references(in: "第二审人民法院决定不开庭审理的").isEmpty)
    }
}

struct CitationResolutionTests {
    @Test func resolvesACitationToTheArticleWithoutSearching() throws {
        let citation = try #require(CitationParser().parseQuery("刑诉法第八十一条第一款"))
        let hit = try #require(SharedIndex.index.lookUp(citation))
        #expect(hit.lawTitle == "中华人民共和国刑事诉讼法" && hit.articleLabel == "第八十一条" && hit.match == .citation)
        #expect(SharedIndex.index.lookUp(Citation(lawName: "刑法", article: ArticleNumber(999))) == nil)
        #expect(SharedIndex.index.lookUp(Citation(lawName: "不存在的法", article: ArticleNumber(1))) == nil)
    }
}
