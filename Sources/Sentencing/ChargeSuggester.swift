import Foundation

/// One suggested charge with the words in the fact that support it.
public struct ChargeSuggestion: Codable, Sendable, Hashable {
    public var name: String
    public var score: Double
    public var evidence: [String]
    /// The Criminal Law article that defines the charge, e.g. 第二百六十四条.
    public var article: String
}

/// Ranks charges for a fact text by retrieval against the article that defines each charge (BM25 over
/// character bigrams), plus the charge's own name and the statutory cue words in `Data/labels/charge-cues.json`.
/// Nothing is learned from cases.
public struct ChargeSuggester: Sendable {
    struct Document: Sendable {
        var entry: LawArticleCatalog.ChargeEntry
        var bigrams: [String: Int]
        var length: Int
        var nameParts: [String]
        var cues: [String]
    }

    /// Weights of the three signals; fixed by reasoning about their scale, not fitted.
    struct Weights {
        static let k1 = 1.2
        static let b = 0.75
        static let conclusionBoost = 2.0
        static let fullName = 12.0
        static let namePartPerCharacter = 1.5
        static let cue = 3.0
    }

    let documents: [Document]
    let inverseFrequency: [String: Double]
    let averageLength: Double

    public init(catalog: LawArticleCatalog, cues: [String: [String]]) {
        documents = catalog.charges.map { entry in
            // The name is repeated so its bigrams weigh like a heading.
            let text = String(repeating: entry.charge + "。", count: 3) + entry.articleText
            let bigrams = Bigrams.counts(text)
            let parts = entry.charge.split(separator: "、").map(String.init).filter { $0.count >= 2 }
            return Document(entry: entry, bigrams: bigrams, length: bigrams.values.reduce(0, +), nameParts: parts, cues: cues[entry.charge] ?? [])
        }
        var frequency: [String: Int] = [:]
        for document in documents {
            for key in document.bigrams.keys { frequency[key, default: 0] += 1 }
        }
        let count = Double(documents.count)
        inverseFrequency = frequency.mapValues { log(1 + (count - Double($0) + 0.5) / (Double($0) + 0.5)) }
        averageLength = documents.isEmpty ? 1 : Double(documents.map(\.length).reduce(0, +)) / count
    }

    /// The suggester over the shipped catalog and cue list.
    public static func bundled() throws -> ChargeSuggester {
        struct CueFile: Decodable { var cues: [String: [String]] }
        return try ChargeSuggester(catalog: .bundled(), cues: BundledData.decode(CueFile.self, named: "charge-cues").cues)
    }

    /// The `limit` best charges for `fact`, best first.
    public func suggest(_ fact: String, limit: Int = 5) -> [ChargeSuggestion] {
        let query = Bigrams.counts(fact)
        let conclusion = Bigrams.counts(Self.conclusion(of: fact))
        let ranked = documents.map { document -> ChargeSuggestion in
            var contributions: [(String, Double)] = []
            var score = 0.0
            for (term, documentCount) in document.bigrams {
                let queryCount = query[term] ?? 0
                guard queryCount > 0, let idf = inverseFrequency[term] else { continue }
                let weight = Double(min(queryCount, 3)) + (conclusion[term] != nil ? Weights.conclusionBoost : 0)
                let tf = Double(documentCount)
                let normalised = tf * (Weights.k1 + 1) / (tf + Weights.k1 * (1 - Weights.b + Weights.b * Double(document.length) / averageLength))
                let contribution = weight * idf * normalised
                score += contribution
                contributions.append((term, contribution))
            }
            var evidence: [String] = []
            if fact.contains(document.entry.charge) {
                score += Weights.fullName
                evidence.append(document.entry.charge)
            } else {
                for part in document.nameParts where fact.contains(part) {
                    score += Weights.namePartPerCharacter * Double(part.count)
                    evidence.append(part)
                }
            }
            for cue in document.cues where fact.contains(cue) {
                score += Weights.cue
                evidence.append(cue)
            }
            evidence += contributions.sorted { $0.1 > $1.1 }.prefix(5).map(\.0).filter { term in !evidence.contains { $0.contains(term) } }
            return ChargeSuggestion(
                name: document.entry.charge, score: (score * 100).rounded() / 100, evidence: evidence, article: document.entry.articleLabel)
        }
        return Array(ranked.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(limit))
    }

    /// The prosecution's legal conclusion (…认为，被告人…), which paraphrases the statute most closely.
    static func conclusion(of fact: String) -> String {
        guard let range = fact.range(of: "认为", options: .backwards) else { return "" }
        return String(fact[range.upperBound...])
    }
}
