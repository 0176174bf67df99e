import Foundation

/// The Criminal Law's articles and the charges each defines, from `Data/labels/criminal-law-articles-with-charges.csv`,
/// mapped onto the product's charge list (`Data/labels/cail2018-charges.txt`) by `Data/labels/charge-articles.tsv`.
public struct LawArticleCatalog: Sendable {
    /// One charge with the article that defines it and that article's text.
    public struct ChargeEntry: Sendable {
        public var charge: String
        public var articleNumber: Int
        public var articleSub: Int
        public var articleText: String
        public var articleLabel: String { ArticleLabel.label(number: articleNumber, sub: articleSub) }
    }

    public let charges: [ChargeEntry]

    /// - Parameters:
    ///   - csv: the article table, one row per article or inserted article (之一), charge names in 【】.
    ///   - chargeList: the product's charge names.
    ///   - definingArticles: the article that defines each charge, as (number, sub) with sub 1 for 之一; a charge it does not
    ///     name is matched to the table's charge names by shared characters.
    public init(csv: String, chargeList: [String], definingArticles: [String: (number: Int, sub: Int)] = [:]) {
        struct Row { var number: Int, sub: Int, names: [String], text: String }
        var rows: [Row] = []
        for fields in CSVReader.rows(csv).dropFirst() where fields.count >= 11 {
            guard let number = Int(fields[7]) else { continue }
            let names = fields[8].replacingOccurrences(of: "【", with: "").replacingOccurrences(of: "】", with: "")
                .split(separator: ";").map { String($0.hasSuffix("罪") ? $0.dropLast() : $0[...]) }.filter { !$0.isEmpty }
            rows.append(Row(number: number, sub: Int(fields[9]) ?? 0, names: names, text: fields[10]))
        }
        // The CSV lists the charges of an article's 之一/之二 insertions on the main row; give them to the unnamed insertions in order.
        var placed: [(name: String, row: Row)] = []
        for row in rows where row.sub == 0 {
            let unnamed = rows.filter { $0.number == row.number && $0.sub > 0 && $0.names.isEmpty }.sorted { $0.sub < $1.sub }
            let onMain = max(1, row.names.count - unnamed.count)
            for (index, name) in row.names.enumerated() {
                let target = index < onMain ? row : unnamed[index - onMain]
                placed.append((name, target))
            }
        }
        for row in rows where row.sub > 0 && !row.names.isEmpty {
            placed += row.names.map { ($0, row) }
        }
        charges = chargeList.compactMap { charge in
            // The product's names are older than the table's headings (失火 hides in 第一百一十五条's 放火罪…之二, 非法狩猎 in
            // 第三百四十一条's 危害珍贵、濒危野生动物罪), so the article is looked up by number. The table lacks a few articles
            // (第四百零二条), which keep an empty text.
            if let article = definingArticles[charge] {
                let text = rows.first { $0.number == article.number && $0.sub == article.sub }?.text ?? ""
                return ChargeEntry(charge: charge, articleNumber: article.number, articleSub: article.sub, articleText: text)
            }
            // A charge named on several rows (盗窃 also on 第二百五十三条, which refers to it) belongs to the row that names it first.
            let exact = placed.filter { $0.name == charge }.min { first, second in
                let a = (first.row.names.firstIndex(of: charge) ?? 9, first.row.names.count)
                let b = (second.row.names.firstIndex(of: charge) ?? 9, second.row.names.count)
                return a < b
            }
            let best = exact ?? placed.max { Self.overlap($0.name, charge) < Self.overlap($1.name, charge) }
            guard let best, Self.overlap(best.name, charge) > 0.5 else { return nil }
            return ChargeEntry(charge: charge, articleNumber: best.row.number, articleSub: best.row.sub, articleText: best.row.text)
        }
    }

    /// The catalog shipped with the product.
    public static func bundled() throws -> LawArticleCatalog {
        let csv = String(decoding: try BundledData.data(named: "criminal-law-articles-with-charges", extension: "csv"), as: UTF8.self)
        let list = String(decoding: try BundledData.data(named: "cail2018-charges", extension: "txt"), as: UTF8.self)
        let names = list.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let articles = String(decoding: try BundledData.data(named: "charge-articles", extension: "tsv"), as: UTF8.self)
        return LawArticleCatalog(csv: csv, chargeList: names, definingArticles: definingArticles(tsv: articles))
    }

    /// Parses `charge-articles.tsv`: `charge<TAB>264` or `charge<TAB>253之一`; lines starting with # are comments.
    static func definingArticles(tsv: String) -> [String: (number: Int, sub: Int)] {
        var result: [String: (number: Int, sub: Int)] = [:]
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2 else { continue }
            let parts = fields[1].components(separatedBy: "之")
            guard let number = Int(parts[0]) else { continue }
            let sub = parts.count > 1 ? ["一": 1, "二": 2, "三": 3, "四": 4][parts[1]] ?? 0 : 0
            result[fields[0]] = (number, sub)
        }
        return result
    }

    /// Share of characters in common, relative to the longer name.
    static func overlap(_ first: String, _ second: String) -> Double {
        let a = Set(first)
        let b = Set(second)
        return Double(a.intersection(b).count) / Double(max(a.count, b.count, 1))
    }
}
