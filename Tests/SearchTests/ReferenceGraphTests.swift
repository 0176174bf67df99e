import Search
import Testing

struct ReferenceGraphTests {
    @Test func resolvesReferencesWithinTheCriminalLaw() throws {
        let graph = LawReferenceGraph(document: try Fixtures.law(Fixtures.criminalLaw))
        #expect(graph.articlesCited(by: ArticleNumber(265)) == [ArticleNumber(264)])
        #expect(graph.articlesCiting(ArticleNumber(264)).contains(ArticleNumber(265)))
        #expect(graph.articlesCiting(ArticleNumber(263)).contains(ArticleNumber(269)))
    }

    @Test func resolvesPrecedingParagraphsToTheSameArticle() throws {
        let graph = LawReferenceGraph(document: try Fixtures.law(Fixtures.criminalLaw))
        let injury = try #require(graph.references[ArticleNumber(234)])
        #expect(injury.contains { $0.lawTitle == nil && $0.article == ArticleNumber(234) && $0.paragraphs == [1] && $0.location.paragraph == 1 })
        let age = try #require(graph.references[ArticleNumber(17)])
        #expect(age.contains { $0.article == ArticleNumber(17) && $0.paragraphs == [1, 2, 3] })
        // Paragraph references do not make an article cite itself.
        #expect(!graph.articlesCited(by: ArticleNumber(234)).contains(ArticleNumber(234)))
    }

    @Test func keepsReferencesToOtherLawsExternal() throws {
        let graph = LawReferenceGraph(document: try Fixtures.law("最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释(2013-04-02).md"))
        let first = try #require(graph.references[ArticleNumber(1)])
        #expect(first.contains { $0.lawTitle == "中华人民共和国刑法" && $0.article == ArticleNumber(264) })
    }

    @Test func theCorpusGraphShowsWhatCitesAnArticleAcrossLaws() throws {
        let index = SharedIndex.index
        let documents = try SharedIndex.files.map { try Fixtures.law($0.0) }
        let graph = index.citationGraph(of: documents)
        let theft = try #require(index.search("刑法第264条").first?.document)
        let citing = graph.articlesCiting(theft).compactMap { index.articleHit(document: $0) }
        #expect(citing.contains { $0.lawTitle == "中华人民共和国刑法" && $0.articleLabel == "第二百六十五条" })
        #expect(citing.contains { $0.lawTitle.contains("盗窃刑事案件") && $0.articleLabel == "第一条" })
        #expect(graph.edgeCount > 300)
    }
}
