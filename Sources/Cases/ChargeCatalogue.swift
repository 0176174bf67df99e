public import Foundation
import Search

/// The Criminal Law's charge names (罪名) with the article defining each, from the shipped article→charge table
/// (Data/laws/criminal-law-articles-with-charges.csv, legal-documents-cn, MIT). Cases may carry only these names.
public struct ChargeCatalogue: Sendable {
    public struct Entry: Sendable, Codable, Hashable {
        public var charge: String
        /// 第二百六十四条
        public var article: String
    }

    public let entries: [Entry]
    private let byName: [String: Entry]

    public init(entries: [Entry]) {
        self.entries = entries
        byName = Dictionary(entries.map { ($0.charge, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func load(csvAt url: URL) throws -> ChargeCatalogue {
        var entries: [Entry] = []
        for keywords in try ArticleKeywords.loadCriminalLawCharges(csvAt: url) {
            for name in keywords.text.trimmingCharacters(in: ["【", "】"]).split(separator: ";") where name.hasSuffix("罪") {
                entries.append(Entry(charge: String(name), article: keywords.article.label))
            }
        }
        return ChargeCatalogue(entries: entries)
    }

    public func entry(named name: String) -> Entry? { byName[name] ?? byName[name + "罪"] }
}
