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
/// character bigrams), plus the charge's own name and the offence elements in `Data/labels/charge-elements.json`
/// (``ChargeProfile``). Nothing is learned from cases.
///
/// The list of evidence and the clauses that recite earlier convictions are dropped first: they name documents and old
/// charges, not what the defendant did this time. Evidence is always text found in the fact.
public struct ChargeSuggester: Sendable {
    struct Document: Sendable {
        var entry: LawArticleCatalog.ChargeEntry
        var bigrams: [String: Int]
        var length: Int
        var nameParts: [String]
        var nameBigrams: Set<String>
        var profile: ChargeProfile
        /// Longer charge names that contain this one (合同诈骗 for 诈骗): an occurrence inside them does not name this charge.
        var containingNames: [String] = []
    }

    /// Weights of the signals (retrieval, name, cues, distinguishing elements, a neighbour's elements, the missing object);
    /// fixed by reasoning about their scale, not fitted: a distinguishing element outweighs a cue, a neighbour's element
    /// cancels one, and retrieval alone cannot outrank a named charge.
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
        static let strong = 12.0
        static let maximumStrong = 2
        static let against = 12.0
        static let maximumAgainst = 2
        /// Share of a charge's score that is kept when the object its article requires never occurs in the fact.
        static let missingObject = 0.4
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

    init(catalog: LawArticleCatalog, profiles: [String: ChargeProfile]) {
        var built = catalog.charges.map { entry in
            // The name is repeated so its bigrams weigh like a heading.
            let text = String(repeating: entry.charge + "。", count: 3) + entry.articleText
            let bigrams = Bigrams.counts(text).filter { Self.isContentBigram($0.key) }
            let parts = entry.charge.split(separator: "、").map(String.init).filter { $0.count >= 2 }
            let nameBigrams = Set(Bigrams.counts(entry.charge).keys.filter(Self.isContentBigram))
            return Document(
                entry: entry, bigrams: bigrams, length: bigrams.values.reduce(0, +), nameParts: parts, nameBigrams: nameBigrams,
                profile: profiles[entry.charge] ?? ChargeProfile())
        }
        let names = catalog.charges.map(\.charge)
        for index in built.indices {
            let name = built[index].entry.charge
            built[index].containingNames = names.filter { $0 != name && $0.contains(name) }
        }
        documents = built
        var frequency: [String: Int] = [:]
        for document in documents {
            for key in document.bigrams.keys { frequency[key, default: 0] += 1 }
        }
        let count = Double(documents.count)
        inverseFrequency = frequency.mapValues { log(1 + (count - Double($0) + 0.5) / (Double($0) + 0.5)) }
        averageLength = documents.isEmpty ? 1 : Double(documents.map(\.length).reduce(0, +)) / count
    }

    /// The suggester over the shipped catalog and charge profiles.
    public static func bundled() throws -> ChargeSuggester {
        try ChargeSuggester(catalog: .bundled(), profiles: ChargeProfile.bundled())
    }

    /// The `limit` best charges for `fact`, best first.
    public func suggest(_ fact: String, limit: Int = 5) -> [ChargeSuggestion] {
        let text = FactText(Self.withoutPriorRecord(Self.withoutEvidenceList(fact)))
        let query = Bigrams.counts(text.string)
        let conclusion = Bigrams.counts(Self.conclusion(of: text.string))
        let ranked = documents.map { document -> ChargeSuggestion in
            let retrieved = retrievalScore(document, query: query, conclusion: conclusion)
            // Saturating, so a weak match is worth little even when it is the best one.
            var score = Weights.retrievalScale * retrieved.score / (retrieved.score + Weights.retrievalHalfPoint)
            var evidence: [String] = []
            let named = nameScore(document, text: text.string, query: query)
            score += named.score
            evidence += named.evidence
            let elements = elementScore(document.profile, text: text)
            score += elements.score
            evidence += elements.evidence.filter { !evidence.contains($0) }
            if elements.objectMissing && score > 0 { score *= Weights.missingObject }
            evidence += retrieved.contributions.sorted { $0.1 > $1.1 }.prefix(5).map(\.0).filter { term in !evidence.contains { $0.contains(term) } }
            return ChargeSuggestion(
                name: document.entry.charge, score: (score * 100).rounded() / 100, evidence: evidence, article: document.entry.articleLabel)
        }
        return Array(ranked.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(limit))
    }

    /// Points for the charge's name in the fact: whole, by its parts, or by the share of its bigrams.
    private func nameScore(_ document: Document, text: String, query: [String: Int]) -> (score: Double, evidence: [String]) {
        if names(document, in: text) { return (Weights.fullName, [document.entry.charge]) }
        var score = 0.0
        var evidence: [String] = []
        for part in document.nameParts where text.contains(part) {
            score += Weights.namePartPerCharacter * Double(part.count)
            evidence.append(part)
        }
        // Share of the name's bigrams in the fact: 容留…吸食…吸毒 supports 容留他人吸毒 though the name never appears whole.
        if !document.nameBigrams.isEmpty {
            let covered = document.nameBigrams.filter { query[$0] != nil }.count
            score += Weights.nameCoverage * Double(covered) / Double(document.nameBigrams.count)
        }
        return (score, evidence)
    }

    /// Whether `text` names the charge itself, not only a longer charge that contains its name (合同诈骗 does not name 诈骗).
    func names(_ charge: String, in text: String) -> Bool {
        documents.first { $0.entry.charge == charge }.map { names($0, in: text) } ?? false
    }

    private func names(_ document: Document, in text: String) -> Bool {
        let own = Self.occurrences(of: document.entry.charge, in: text)
        return own > document.containingNames.map { Self.occurrences(of: $0, in: text) }.reduce(0, +)
    }

    static func occurrences(of word: String, in text: String) -> Int {
        text.contains(word) ? text.components(separatedBy: word).count - 1 : 0
    }

    /// Points for the offence elements of ``ChargeProfile`` found in the fact, with the matched text as evidence.
    private func elementScore(_ profile: ChargeProfile, text: FactText) -> (score: Double, evidence: [String], objectMissing: Bool) {
        let strong = profile.strong.compactMap { $0.firstMatch(in: text) }
        let cues = profile.cues.compactMap { $0.firstMatch(in: text) }
        let against = profile.against.compactMap { $0.firstMatch(in: text) }
        let objectMissing = !profile.needs.isEmpty && !profile.needs.contains { $0.firstMatch(in: text) != nil }
        var score = Weights.strong * Double(min(strong.count, Weights.maximumStrong))
        score += Weights.cue * Double(min(cues.count, Weights.maximumCues))
        score -= Weights.against * Double(min(against.count, Weights.maximumAgainst))
        var evidence: [String] = []
        for match in strong + cues where !evidence.contains(match) { evidence.append(match) }
        return (score, evidence, objectMissing)
    }

    /// BM25 of the fact against one charge's article, with each bigram's share for the evidence list.
    private func retrievalScore(
        _ document: Document, query: [String: Int], conclusion: [String: Int]
    ) -> (score: Double, contributions: [(String, Double)]) {
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

    /// The fact without the clauses that recite earlier convictions (曾因盗窃罪被判处…), whose charge names say nothing about this case.
    static func withoutPriorRecord(_ fact: String) -> String {
        var result = ""
        var clause = ""
        func flush() {
            let isRecord = clause.contains("罪") && priorRecordMarkers.contains { clause.contains($0) }
            // A dropped clause leaves a line break, so no pattern matches across the gap and evidence stays a quote.
            result += isRecord ? "\n" : clause
            clause = ""
        }
        for character in fact {
            clause.append(character)
            if clauseEnds.contains(character) { flush() }
        }
        flush()
        return result
    }

    /// The fact without the list of evidence (证人…的证言、扣押清单、判决书…): its words name documents, not conduct, and
    /// would support 伪证, 非法处置扣押的财产 or 拒不执行判决 in every case.
    static func withoutEvidenceList(_ fact: String) -> String {
        var result = ""
        var inList = false
        for sentence in sentences(of: fact) {
            if inList && conclusionMarkers.contains(where: sentence.contains) { inList = false }
            if listOpeners.contains(where: sentence.contains) { inList = true }
            let items = evidenceItems.filter { sentence.contains($0) }.count
            let isList = inList || (sentence.contains("证据") && items >= 2) || items >= 3
            if !isList { result += sentence }
        }
        return result
    }

    /// Sentences ending in 。 or a line break, each with its end.
    static func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "。" || character == "\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static let listOpeners = ["证据有", "下列证据", "以下证据", "证据如下", "证据：", "证据:"]
    static let conclusionMarkers = ["认为", "经审理查明", "另查明", "又查明"]
    static let evidenceItems = ["证言", "笔录", "供述", "书证", "物证", "鉴定意见", "清单", "户籍", "抓获经过", "到案经过", "情况说明", "辨认", "视听资料", "陈述"]

    static let clauseEnds: Set<Character> = ["。", "，", "；", ";", ",", "\n"]
    static let priorRecordMarkers = ["判处", "刑满", "释放", "服刑", "假释", "行政拘留", "劳动教养"]

    /// The prosecution's legal conclusion (…认为，被告人…), which paraphrases the statute most closely.
    static func conclusion(of fact: String) -> String {
        guard let range = fact.range(of: "认为", options: .backwards) else { return "" }
        return String(fact[range.upperBound...])
    }
}
