import Foundation
import Search
import Testing

struct SearchIndexTests {
    let index = SharedIndex.index

    @Test func aCitationAnswersWithThatArticleFirst() throws {
        for query in ["刑法第264条", "刑法第二百六十四条", "刑法264条"] {
            let first = try #require(index.search(query, limit: 5).first)
            #expect(first.match == .citation)
            #expect(first.lawTitle == "中华人民共和国刑法" && first.articleLabel == "第二百六十四条")
        }
        let rules = try #require(index.search("刑诉规则第272条").first)
        #expect(rules.lawTitle == "人民检察院刑事诉讼规则" && rules.articleLabel == "第二百七十二条")
        let paragraph = try #require(index.search("《中华人民共和国刑事诉讼法》第一百七十四条第一款").first)
        #expect(paragraph.articleLabel == "第一百七十四条" && paragraph.match == .citation)
        let inserted = try #require(index.search("刑法133条之一").first)
        #expect(inserted.articleLabel == "第一百三十三条之一")
    }

    @Test func plainWordsFindTheStatute() throws {
        let hits = index.search("盗窃公私财物 数额较大", limit: 5).filter { $0.match == .allTerms }
        #expect(hits.contains { $0.lawTitle == "中华人民共和国刑法" && $0.articleLabel == "第二百六十四条" })
    }

    @Test func spacesMeanEveryTermMustMatch() {
        let hits = index.search("醉酒 机动车", limit: 50)
        #expect(!hits.isEmpty)
        for hit in hits where hit.match == .allTerms {
            let text = index.articleText(document: hit.document) + hit.lawTitle + hit.headingPath.joined()
            #expect(text.contains("醉酒") && text.contains("机动车"), "\(hit.articleLabel)")
        }
    }

    @Test func orWidensAndMinusExcludes() {
        let either = Set(index.search("抢夺 OR 聚众哄抢", limit: 200).filter { $0.match == .allTerms }.map(\.document))
        let robbery = Set(index.search("抢夺", limit: 200).filter { $0.match == .allTerms }.map(\.document))
        let looting = Set(index.search("聚众哄抢", limit: 200).filter { $0.match == .allTerms }.map(\.document))
        #expect(either == robbery.union(looting))
        let excluded = index.search("抢夺 -抢劫", limit: 200)
        #expect(!excluded.isEmpty)
        #expect(excluded.allSatisfy { !index.articleText(document: $0.document).contains("抢劫") })
    }

    @Test func phrasesMustBeContiguous() {
        let phrase = index.search("\"以非法占有为目的\"", limit: 100)
        #expect(!phrase.isEmpty)
        #expect(phrase.allSatisfy { index.articleText(document: $0.document).contains("以非法占有为目的") })
        let loose = index.search("非法 目的", limit: 100).filter { $0.match == .allTerms }
        #expect(loose.count > phrase.count)
        #expect(index.search("\"目的为占有非法以\"", limit: 5).filter { $0.match == .allTerms }.isEmpty)
    }

    @Test func filtersRestrictLawsAndValidity() {
        let onlyProcedure = index.search("辩护人", filters: SearchFilters(lawIDs: ["criminal-procedure-law"]), limit: 20)
        #expect(!onlyProcedure.isEmpty && onlyProcedure.allSatisfy { $0.lawID == "criminal-procedure-law" })
        let interpretations = index.search("辩护人", filters: SearchFilters(levels: ["司法解释"]), limit: 20)
        #expect(interpretations.allSatisfy { $0.lawID == "spc-cpl-interpretation" || $0.lawID == "procuratorate-rules" })
        #expect(index.search("辩护人", filters: SearchFilters(validity: .expiredOnly), limit: 20).isEmpty)
    }

    @Test func snippetsMarkTheMatchedWords() throws {
        let hit = try #require(index.search("盗窃 多次", limit: 3).first)
        #expect(hit.snippet.marked.contains("«盗窃»"))
        let units = Array(hit.snippet.text.utf16)
        for range in hit.snippet.highlights {
            let marked = String(decoding: units[range], as: UTF16.self)
            #expect(marked.replacingOccurrences(of: "盗窃", with: "").replacingOccurrences(of: "多次", with: "").isEmpty, "\(marked)")
        }
    }

    @Test func theLawTitleCountsAsPartOfEveryArticle() {
        let hits = index.search("刑事诉讼法 辩护人", limit: 5)
        #expect(hits.first?.lawTitle.contains("刑事诉讼法") == true)
        #expect(hits.contains { $0.lawTitle == "中华人民共和国刑事诉讼法" })
    }

    @Test func colloquialQueriesFallBackToPartialMatches() {
        let hits = index.search("醉驾 机动车 判几年", limit: 10)
        #expect(!hits.isEmpty)
    }

    @Test func ordinalsInTextMatchDigitQueries() {
        // Articles of the SPC interpretation cite 刑法第二百六十四条 and similar; 第264条 is the same term.
        let hits = index.search("第264条", limit: 50)
        #expect(hits.contains { index.articleText(document: $0.document).contains("第二百六十四条") })
    }
}

struct SearchHitEncodingTests {
    @Test func hitsEncodeAsJSONWithLabelAndSnippet() throws {
        let hit = try #require(SharedIndex.index.search("刑法第264条", limit: 1).first)
        let json = String(decoding: try JSONEncoder().encode(hit), as: UTF8.self)
        #expect(json.contains("\"articleLabel\":\"第二百六十四条\""))
        #expect(json.contains("\"match\":\"citation\""))
        #expect(try JSONDecoder().decode(SearchHit.self, from: Data(json.utf8)) == hit)
    }
}

struct OddQueryTests {
    @Test(arguments: [
        "", "   ", "\"", "-", "OR", "第", "刑法第", "《", "》第一条", "😀 盗窃", "a", "１２３", "\"\"", "- - OR OR", "第零条", "刑法第0条",
        "刑法第99999999999999条", String(repeating: "盗窃", count: 3000), "\u{0}\u{1}", "𠀀𠀁𠀂", "第一百三十三条之九十九",
    ])
    func oddQueriesReturnWithoutCrashing(query: String) {
        let hits = SharedIndex.index.search(query, limit: 5)
        #expect(hits.count <= 5)
        for hit in hits {
            let length = hit.snippet.text.utf16.count
            #expect(hit.snippet.highlights.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= length })
        }
    }

    @Test func aZeroLimitReturnsNothing() {
        #expect(SharedIndex.index.search("盗窃", limit: 0).isEmpty)
    }
}

struct ChargeKeywordTests {
    @Test func theChargeTableCoversTheSpecialPart() throws {
        let charges = try ArticleKeywords.loadCriminalLawCharges(csvAt: Fixtures.laws.appendingPathComponent("criminal-law-articles-with-charges.csv"))
        #expect(charges.count > 300)
        #expect(charges.contains { $0.article == ArticleNumber(263) && $0.text.contains("抢劫罪") })
        #expect(charges.contains { $0.article == ArticleNumber(276, suffix: 1) && $0.text.contains("拒不支付劳动报酬罪") })
    }

    @Test func aChargeNameFindsItsArticleThoughTheStatuteNeverSaysIt() throws {
        let robbery = try #require(SharedIndex.index.search("抢劫罪", limit: 3).first)
        #expect(robbery.articleLabel == "第二百六十三条" && robbery.lawTitle == "中华人民共和国刑法")
        let wages = SharedIndex.index.search("拒不支付劳动报酬罪", limit: 3)
        #expect(wages.first?.articleLabel == "第二百七十六条之一")
    }
}

extension ChargeKeywordTests {
    @Test func chargesOfInsertedArticlesMoveOffTheirBaseArticle() throws {
        let charges = try ArticleKeywords.loadCriminalLawCharges(csvAt: Fixtures.laws.appendingPathComponent("criminal-law-articles-with-charges.csv"))
        let byArticle = Dictionary(uniqueKeysWithValues: charges.map { ($0.article, $0.text) })
        #expect(byArticle[ArticleNumber(133)] == "【交通肇事罪】")
        #expect(byArticle[ArticleNumber(133, suffix: 1)] == "【危险驾驶罪】")
        #expect(byArticle[ArticleNumber(133, suffix: 2)] == "【妨害安全驾驶罪】")
        #expect(byArticle[ArticleNumber(276)] == "【破坏生产经营罪】")
    }
}
