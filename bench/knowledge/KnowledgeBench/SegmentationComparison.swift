import Foundation
import Search
import SearchICU

/// Our segmenter against ICU's word break on law text: speed, and how often legal terms and article numbers stay whole.
///
/// The legal terms are the charge names of the SPP charge-name opinion (盗窃罪 → 盗窃), an independent list (neither
/// segmenter's dictionary is built from it). An occurrence counts as "whole" when one token equals the term, and as
/// "respected" when no token crosses the term's edges (the term may still be split inside).
struct SegmentationComparison {
    let segmenter: Segmenter
    let lawsDirectory: URL

    func report(corpusArticles: [String]) throws -> [String] {
        let parser = LawMarkdownParser()
        let opinion = try String(
            contentsOf: lawsDirectory.appendingPathComponent("最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997-12-25).md"), encoding: .utf8)
        let charges = Set(
            opinion.matches(of: /([\p{Han}]+)罪（第/).map { String($0.output.1) }.filter { $0.count >= 2 })
        let criminalLaw = try parser.parse(fileAt: lawsDirectory.appendingPathComponent("刑法.md"))
        let procedure = try parser.parse(fileAt: lawsDirectory.appendingPathComponent("刑事诉讼法(2018-10-26).md"))
        let texts = (criminalLaw.articles + procedure.articles).map(\.text)
        let icu = ICUWordBreaker()
        var lines: [String] = []
        for (name, segment) in [("ours", { (text: String) in segmenter.words(text) }), ("ICU", { icu.words($0) })] {
            var whole = 0
            var respected = 0
            var occurrences = 0
            var ordinals = 0
            var ordinalsWhole = 0
            for text in texts {
                let words = segment(text)
                var boundaries: Set<Int> = [0]
                var starts: [Int: String] = [:]
                var offset = 0
                // Token offsets in characters (punctuation dropped by both, so recover offsets by searching forward).
                let characters = Array(text)
                for word in words {
                    let wordCharacters = Array(word)
                    while offset + wordCharacters.count <= characters.count,
                        Array(characters[offset..<(offset + wordCharacters.count)]).map({ String($0).lowercased() }) != wordCharacters.map({ String($0).lowercased() })
                    {
                        boundaries.insert(offset)
                        offset += 1
                    }
                    starts[offset] = word
                    boundaries.insert(offset)
                    offset += wordCharacters.count
                    boundaries.insert(offset)
                }
                for charge in charges {
                    var searchStart = text.startIndex
                    while let range = text.range(of: charge, range: searchStart..<text.endIndex) {
                        let lower = text.distance(from: text.startIndex, to: range.lowerBound)
                        occurrences += 1
                        if starts[lower] == charge { whole += 1 }
                        if boundaries.contains(lower) && boundaries.contains(lower + charge.count) { respected += 1 }
                        searchStart = range.upperBound
                    }
                }
                for match in text.matches(of: /第[零一二三四五六七八九十百千]+条(之[一二三四五六七八九十])?/) {
                    ordinals += 1
                    let lower = text.distance(from: text.startIndex, to: match.range.lowerBound)
                    if starts[lower] == String(match.output.0) { ordinalsWhole += 1 }
                }
            }
            let sample = corpusArticles.joined(separator: "\n")
            let (tokens, seconds) = measure { segment(sample) }
            lines.append(
                String(
                    format: "segmentation %@: charge names kept whole %.1f%%, edges respected %.1f%% (%d occurrences in 刑法 + 刑诉法); "
                        + "article references 第X条 whole %.1f%% (%d); speed %.1f MB/s (%d tokens)", name,
                    100 * Double(whole) / Double(max(occurrences, 1)), 100 * Double(respected) / Double(max(occurrences, 1)), occurrences,
                    100 * Double(ordinalsWhole) / Double(max(ordinals, 1)), ordinals, Double(sample.utf8.count) / 1e6 / seconds, tokens.count))
        }
        return lines
    }
}
