import Foundation
import Search
import Testing

struct SegmenterTests {
    let segmenter = SharedSegmenter.segmenter

    @Test func keepsLegalTermsAndStatuteNumbersWhole() {
        let words = segmenter.words("中华人民共和国刑法第二百六十四条规定盗窃公私财物数额较大的")
        #expect(words.contains("第二百六十四条"))
        #expect(words.contains("盗窃"))
        #expect(words.contains("中华人民共和国"))
        #expect(words.contains("数额较大"))
        #expect(!words.contains("百"))
    }

    @Test func readsInsertedArticlesAndDigitOrdinalsAsOneWord() {
        let tokens = segmenter.segment("依照刑法第133条之一和第一百三十三条之一处罚")
        let ordinals = tokens.filter { $0.kind == .ordinal }.map(\.text)
        #expect(ordinals == ["第133条之一", "第一百三十三条之一"])
    }

    @Test func keepsChineseNumeralsTogetherButLeavesOrdinaryWords() {
        let words = segmenter.words("处二百六十四元罚金，一般情况十分严重")
        #expect(words.contains("二百六十四"))
        #expect(words.contains("一般"))
        #expect(words.contains("十分"))
    }

    @Test func groupsLatinLettersAndDigitsAndDropsPunctuation() {
        let tokens = segmenter.segment("在KTV内吸食毒品2020年，（一）")
        #expect(tokens.map(\.text) == ["在", "ktv", "内", "吸食毒品", "2020", "年", "一"])
        #expect(tokens[1].kind == .latin)
        #expect(tokens[1].range == 1..<4)
    }

    @Test func foldsFullWidthCharacters() {
        #expect(segmenter.words("ＡＢＣ１２３") == ["abc123"])
    }

    @Test func joinsRunsOfRareCharactersIntoOneUnknownWord() {
        let tokens = segmenter.segment("犯罪嫌疑人𬀩𬀪𬀫逃匿")
        #expect(tokens.contains { $0.kind == .unknown && $0.text == "𬀩𬀪𬀫" })
    }

    @Test func theBinaryCacheReadsBackTheSameTable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-search-cache-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try segmenter.dictionary.writeCache(to: url)
        let reread = try WordDictionary(cacheAt: url)
        #expect(reread.wordCount == segmenter.dictionary.wordCount)
        #expect(reread.logProbability(of: "盗窃") == segmenter.dictionary.logProbability(of: "盗窃"))
        #expect(reread.logProbability(of: "盗窃罪犯人甲乙") == nil)
    }

    @Test func rejectsACorruptCache() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-search-bad-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: 7, count: 100).write(to: url)
        #expect(throws: SearchDataError.self) { try WordDictionary(cacheAt: url) }
    }
}
