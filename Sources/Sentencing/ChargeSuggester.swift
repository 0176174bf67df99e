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
        var nameBigrams: Set<String>
        var cues: [String]
    }

    /// Weights of the three signals; fixed by reasoning about their scale, not fitted.
    struct Weights {
        static let k1 = 1.2
        static let b = 0.75
        static let conclusionBoost = 2.0
        /// Retrieval gives at most this many points, half of them at `retrievalHalfPoint`; the name and cue words then decide.
        static let retrievalScale = 20.0
        static let retrievalHalfPoint = 40.0
        static let fullName = 15.0
        static let namePartPerCharacter = 2.5
        static let nameCoverage = 10.0
        static let cue = 6.0
        static let maximumCues = 3
    }

    /// Words of procedure and penalty that every judgment and many articles share; their bigrams say nothing about the charge.
    static let boilerplate = [
        "被告人", "被害人", "中华人民共和国", "人民检察院", "人民法院", "公诉机关", "追究刑事责任", "依法", "犯罪", "以上", "以下", "有期徒刑",
        "拘役", "管制", "罚金", "规定", "行为", "鉴定", "证据", "事实", "其他", "情节", "严重", "数额较大", "数额巨大", "特别", "处罚", "判处",
        "构成", "本院", "应当", "可以", "属于", "造成", "依照", "前款", "数罪并罚", "没收财产", "并处", "单位", "直接负责的主管人员", "直接责任人员",
        "年以", "人的", "的人", "机关", "提请", "指控", "公安", "查获", "抓获", "归案", "供述", "证言", "书证", "笔录",
    ]
    static let boilerplateBigrams: Set<String> = Set(boilerplate.flatMap { Bigrams.counts($0).keys })
    /// Function characters: a bigram holding one (的行, 上的) is grammar, not content.
    static let functionCharacters: Set<Character> = ["的", "了", "在", "和", "或", "与", "及", "者", "所", "而", "于", "是", "有", "等"]

    static func isContentBigram(_ bigram: String) -> Bool {
        !boilerplateBigrams.contains(bigram) && !bigram.contains(where: functionCharacters.contains)
    }

    let documents: [Document]
    let inverseFrequency: [String: Double]
    let averageLength: Double

    public init(catalog: LawArticleCatalog, cues: [String: [String]]) {
        documents = catalog.charges.map { entry in
            // The name is repeated so its bigrams weigh like a heading.
            let text = String(repeating: entry.charge + "。", count: 3) + entry.articleText
            let bigrams = Bigrams.counts(text).filter { Self.isContentBigram($0.key) }
            let parts = entry.charge.split(separator: "、").map(String.init).filter { $0.count >= 2 }
            let nameBigrams = Set(Bigrams.counts(entry.charge).keys.filter(Self.isContentBigram))
            return Document(
                entry: entry, bigrams: bigrams, length: bigrams.values.reduce(0, +), nameParts: parts, nameBigrams: nameBigrams,
                cues: cues[entry.charge] ?? [])
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
        let retrieval = documents.map { retrievalScore($0, query: query, conclusion: conclusion) }
        let ranked = zip(documents, retrieval).map { document, retrieved -> ChargeSuggestion in
            // Saturating, so a weak match is worth little even when it is the best one.
            var score = Weights.retrievalScale * retrieved.score / (retrieved.score + Weights.retrievalHalfPoint)
            var evidence: [String] = []
            if fact.contains(document.entry.charge) {
                score += Weights.fullName
                evidence.append(document.entry.charge)
            } else {
                for part in document.nameParts where fact.contains(part) {
                    score += Weights.namePartPerCharacter * Double(part.count)
                    evidence.append(part)
                }
                // Share of the name's bigrams in the fact: 容留…吸食…吸毒 supports 容留他人吸毒 though the name never appears whole.
                if !document.nameBigrams.isEmpty {
                    let covered = document.nameBigrams.filter { query[$0] != nil }.count
                    score += Weights.nameCoverage * Double(covered) / Double(document.nameBigrams.count)
                }
            }
            let cuesFound = document.cues.filter { fact.contains($0) }
            score += Weights.cue * Double(min(cuesFound.count, Weights.maximumCues))
            evidence += cuesFound
            evidence += retrieved.contributions.sorted { $0.1 > $1.1 }.prefix(5).map(\.0).filter { term in !evidence.contains { $0.contains(term) } }
            return ChargeSuggestion(
                name: document.entry.charge, score: (score * 100).rounded() / 100, evidence: evidence, article: document.entry.articleLabel)
        }
        return Array(ranked.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(limit))
    }

    /// BM25 of the fact against one charge's article, with each bigram's share for the evidence list.
    private func retrievalScore(_ document: Document, query: [String: Int], conclusion: [String: Int]) -> (score: Double, contributions: [(String, Double)]) {
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
        return (score, contributions)
    }

    /// The prosecution's legal conclusion (…认为，被告人…), which paraphrases the statute most closely.
    static func conclusion(of fact: String) -> String {
        guard let range = fact.range(of: "认为", options: .backwards) else { return "" }
        return String(fact[range.upperBound...])
    }
}
