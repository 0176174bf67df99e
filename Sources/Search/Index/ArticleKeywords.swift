public import Foundation

/// Extra words attached to an article, searched like a heading: the charge names of Criminal Law articles (抢劫罪 for
/// 第二百六十三条), which the statute text itself never states.
public struct ArticleKeywords: Hashable, Sendable {
    /// The full title of the law (中华人民共和国刑法).
    public var lawTitle: String
    /// The article.
    public var article: ArticleNumber
    /// The keywords as one text (【盗窃罪】).
    public var text: String

    /// Creates keywords for an article.
    public init(lawTitle: String, article: ArticleNumber, text: String) {
        self.lawTitle = lawTitle
        self.article = article
        self.text = text
    }

    /// Reads the shipped article→charge table (Data/laws/criminal-law-articles-with-charges.csv: columns
    /// …, article_code, article_name, article_sub_code, …), keeping names that end in 罪 (charges, not article topics).
    ///
    /// The source lists the charges of inserted articles on their base article (第二百七十六条: 【破坏生产经营罪;拒不支付劳动报酬罪】,
    /// 第二百七十六条之一 unnamed): when unnamed inserted articles follow a name of several `;`-separated charges, the last
    /// charges go to them in order.
    /// - Throws: ``SearchDataError`` when the file cannot be read.
    public static func loadCriminalLawCharges(csvAt url: URL) throws -> [ArticleKeywords] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw SearchDataError(reason: .unreadable, path: url.path) }
        var rows: [(article: ArticleNumber, name: String)] = []
        for line in text.split(separator: "\n").dropFirst() {
            // The first ten columns hold no commas; only the article text after them may.
            let fields = line.split(separator: ",", maxSplits: 10, omittingEmptySubsequences: false)
            guard fields.count >= 10, let number = Int(fields[7]) else { continue }
            let article = ArticleNumber(number, suffix: Int(fields[9]) ?? 0)
            if rows.last?.article != article { rows.append((article, String(fields[8]))) }
        }
        var names: [ArticleNumber: String] = [:]
        var index = 0
        while index < rows.count {
            let (article, name) = rows[index]
            var parts = name.trimmingCharacters(in: ["【", "】"]).split(separator: ";").map(String.init)
            var next = index + 1
            var unnamed: [ArticleNumber] = []
            while next < rows.count, rows[next].article.number == article.number, rows[next].name.isEmpty {
                unnamed.append(rows[next].article)
                next += 1
            }
            if parts.count > 1, !unnamed.isEmpty {
                let moved = min(unnamed.count, parts.count - 1)
                for (offset, inserted) in unnamed.prefix(moved).enumerated() { names[inserted] = parts[parts.count - moved + offset] }
                parts.removeLast(moved)
            }
            if !parts.isEmpty { names[article] = parts.joined(separator: ";") }
            index = next
        }
        return names.filter { $0.value.hasSuffix("罪") || $0.value.contains("罪;") || $0.value.contains("罪、") }
            .sorted { $0.key < $1.key }
            .map { ArticleKeywords(lawTitle: "中华人民共和国刑法", article: $0.key, text: "【" + $0.value + "】") }
    }
}
