import Foundation

/// One labelled case of the dev set (LawBench 3-4 / CAIL2018 format).
struct DevCase: Decodable {
    var fact: String
    var charges: [String]
    var articles: [Int]
    var termMonths: Int

    enum CodingKeys: String, CodingKey {
        case fact, charges, articles
        case termMonths = "term_months"
    }

    static func load(path: String) throws -> [DevCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).map { try JSONDecoder().decode(DevCase.self, from: Data($0.utf8)) }
    }
}

/// The naive baseline: the median term of the other dev cases with the same (first) charge, leave-one-out,
/// so no case is predicted from its own label. Falls back to the median of all other cases.
struct MedianBaseline {
    let cases: [DevCase]

    func terms(for charge: String, excluding index: Int) -> [Int] {
        let same = cases.enumerated().filter { $0.offset != index && $0.element.charges.first == charge }.map(\.element.termMonths)
        return same.isEmpty ? cases.enumerated().filter { $0.offset != index }.map(\.element.termMonths) : same
    }

    func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Interquartile range of the same-charge terms, a fairer interval baseline than a single point.
    func quartiles(_ values: [Int]) -> (Double, Double) {
        let sorted = values.sorted().map(Double.init)
        guard !sorted.isEmpty else { return (0, 0) }
        func at(_ fraction: Double) -> Double {
            let position = fraction * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
        return (at(0.25), at(0.75))
    }

    /// Charges ranked by how often the other cases carry them (the naive charge baseline).
    func frequentCharges(excluding index: Int) -> [String] {
        var counts: [String: Int] = [:]
        for (offset, item) in cases.enumerated() where offset != index {
            for charge in item.charges { counts[charge, default: 0] += 1 }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    func frequentArticles(excluding index: Int) -> [Int] {
        var counts: [Int: Int] = [:]
        for (offset, item) in cases.enumerated() where offset != index {
            for article in item.articles { counts[article, default: 0] += 1 }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }
}
