import Search
import Testing

struct QueryParserTests {
    @Test func spacesMeanAnd() {
        #expect(QueryParser.parse("盗窃  数额较大") == SearchQuery(clauses: [.init([.text("盗窃")]), .init([.text("数额较大")])]))
    }

    @Test func orBindsTighterThanAnd() {
        let query = QueryParser.parse("携带凶器 抢劫 OR 抢夺")
        #expect(query.clauses == [.init([.text("携带凶器")]), .init([.text("抢劫"), .text("抢夺")])])
    }

    @Test func minusExcludesAndQuotesMakePhrases() {
        let query = QueryParser.parse("\"非法占有为目的\" -单位 “数额 较大”")
        #expect(query.clauses == [.init([.phrase("非法占有为目的")]), .init([.phrase("数额 较大")])])
        #expect(query.excluded == [.text("单位")])
    }

    @Test func toleratesStrayOperatorsAndUnclosedQuotes() {
        #expect(QueryParser.parse("OR 盗窃 OR").clauses == [.init([.text("盗窃")])])
        #expect(QueryParser.parse("- 盗窃 -").clauses == [.init([.text("盗窃")])])
        #expect(QueryParser.parse("\"未闭合的 短语").clauses == [.init([.phrase("未闭合的 短语")])])
        #expect(QueryParser.parse("  ").isEmpty)
        #expect(QueryParser.parse("-\"单位犯罪\"").excluded == [.phrase("单位犯罪")])
    }

    @Test func keepsLowerCaseOrAsAWord() {
        #expect(QueryParser.parse("a or b").clauses.count == 3)
    }
}
