/// A query turned into what the index can evaluate: for every term, the pieces that must all be present.
struct QueryPlan {
    /// Something that must be found in an article (its text, its law's title or its headings).
    enum Piece: Hashable {
        /// A run of ideographs (or a single one) that must appear contiguously.
        case substring([UInt32])
        /// A number, ordinal or ASCII word, matched by its word key (二百六十四 and 264 are the same key).
        case token(UInt64, [UInt32])
        /// A colloquial word or any of its statute wordings (偷东西 | 盗窃), each contiguous.
        case anyOf([[UInt32]])
        /// A law's name (刑法, 刑诉法): the articles of those laws, or articles mentioning the name.
        case law([UInt32], [Int])

        /// The texts to mark in snippets.
        var highlights: [[UInt32]] {
            switch self {
            case .substring(let scalars), .token(_, let scalars), .law(let scalars, _): [scalars]
            case .anyOf(let alternatives): alternatives
            }
        }
    }

    /// A term: every piece must be present.
    struct Term {
        var pieces: [Piece]
    }

    var clauses: [[Term]]
    var excluded: [Term]
    /// Word keys and bigram keys of the positive terms, for scoring.
    var wordKeys: [UInt64] = []
    var bigramKeys: [UInt64] = []
    /// Every distinct piece of the positive terms (for relaxed matching and highlighting).
    var positivePieces: [Piece] = []

    private static let chargeSuffix = UInt32(0x7F6A)  // 罪

    /// Function words that carry no meaning as a required piece.
    static let stopWordList: [String] = [
        "的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "吧", "啊", "怎么", "怎样", "什么", "如何", "哪些", "多少", "几", "会",
        "要", "被", "把", "对", "有", "没有", "可以", "能", "能否", "是否", "应该", "应当", "还", "就", "都", "也", "我", "你", "他", "她", "人",
        "怎么办", "吗", "算", "属于", "情况", "规定", "法律", "条",
    ]

    /// Plans a query.
    /// - Parameters:
    ///   - colloquial: everyday word → statute wordings.
    ///   - lawsNamed: the laws a name denotes exactly (empty when it names none).
    init(_ query: SearchQuery, segmenter: Segmenter, vocabulary: QueryVocabulary) {
        var wordKeys: Set<UInt64> = []
        var bigramKeys: Set<UInt64> = []
        var pieces: [Piece] = []
        func addScoring(_ scalars: [UInt32]) {
            segmenter.scan(scalars) { span in
                if !vocabulary.stopWords.contains(span.key) { wordKeys.insert(span.key) }
            }
            for index in scalars.indices.dropLast()
            where TextNormalizer.isIdeograph(scalars[index]) && TextNormalizer.isIdeograph(scalars[index + 1]) {
                bigramKeys.insert(PostingStore.bigramKey(scalars[index], scalars[index + 1]))
            }
        }
        func plan(_ term: SearchQuery.Term, scoring: Bool) -> Term {
            let scalars = TextNormalizer.normalize(term.text)
            var result = Term(pieces: [])
            switch term {
            case .phrase:
                result.pieces = Self.phrasePieces(scalars, segmenter: segmenter)
                if scoring { addScoring(scalars) }
            case .text:
                let spans = Self.spans(scalars, segmenter: segmenter)
                var required: [Piece] = []
                var all: [Piece] = []
                var index = 0
                while index < spans.count {
                    // The longest run of up to three words that is a law name or a colloquial word wins.
                    var matched = false
                    for length in stride(from: min(3, spans.count - index), through: 1, by: -1) {
                        let range = spans[index].start..<spans[index + length - 1].end
                        let key = ScalarHash.of(scalars[range])
                        if range.count >= 2, let laws = vocabulary.lawNames[key] {
                            required.append(.law(Array(scalars[range]), laws))
                        } else if let statute = vocabulary.colloquial[key] {
                            let alternatives = [Array(scalars[range])] + statute
                            required.append(.anyOf(alternatives))
                            if scoring { alternatives.dropFirst().forEach(addScoring) }
                        } else {
                            continue
                        }
                        index += length
                        matched = true
                        break
                    }
                    if matched { continue }
                    let span = spans[index]
                    let text = Array(scalars[span.start..<span.end])
                    let piece: Piece =
                        switch span.kind {
                        case .latin, .numeral, .ordinal: .token(span.key, text)
                        case .word, .unknown: .substring(text)
                        }
                    all.append(piece)
                    if !vocabulary.stopWords.contains(ScalarHash.of(text)) {
                        // A charge name (抢劫罪) is written in the statute as the act (抢劫…的): accept either.
                        if case .substring = piece, text.count >= 3, text.last == Self.chargeSuffix {
                            required.append(.anyOf([text, Array(text.dropLast())]))
                        } else {
                            required.append(piece)
                        }
                        if scoring { addScoring(text) }
                    }
                    index += 1
                }
                result.pieces = required.isEmpty ? all : required
            }
            if scoring {
                for piece in result.pieces where !pieces.contains(piece) { pieces.append(piece) }
            }
            return result
        }
        clauses = query.clauses.map { clause in clause.alternatives.map { plan($0, scoring: true) }.filter { !$0.pieces.isEmpty } }
            .filter { !$0.isEmpty }
        excluded = query.excluded.map { plan($0, scoring: false) }.filter { !$0.pieces.isEmpty }
        self.wordKeys = wordKeys.sorted()
        self.bigramKeys = bigramKeys.sorted()
        self.positivePieces = pieces
    }

    /// An empty plan (no query).
    static let empty = QueryPlan(clauses: [], excluded: [])

    private init(clauses: [[Term]], excluded: [Term]) {
        self.clauses = clauses
        self.excluded = excluded
    }

    /// A phrase: ideograph runs contiguous; numbers and ASCII words by key.
    private static func phrasePieces(_ scalars: [UInt32], segmenter: Segmenter) -> [Piece] {
        var pieces: [Piece] = []
        var index = 0
        while index < scalars.count {
            if TextNormalizer.isIdeograph(scalars[index]) {
                let start = index
                while index < scalars.count, TextNormalizer.isIdeograph(scalars[index]) { index += 1 }
                pieces.append(.substring(Array(scalars[start..<index])))
            } else {
                index += 1
            }
        }
        segmenter.scan(scalars) { span in
            if span.kind == .latin { pieces.append(.token(span.key, Array(scalars[span.start..<span.end]))) }
        }
        return pieces
    }

    private static func spans(_ scalars: [UInt32], segmenter: Segmenter) -> [TokenSpan] {
        var spans: [TokenSpan] = []
        segmenter.scan(scalars) { spans.append($0) }
        return spans
    }

}

/// Query-side word lists keyed by the ``ScalarHash`` of normalised text, so planning a query allocates no strings.
struct QueryVocabulary: Sendable {
    var stopWords: Set<UInt64>
    /// Colloquial word → statute wordings.
    var colloquial: [UInt64: [[UInt32]]]
    /// Law name (title, title without 中华人民共和国, abbreviation) → laws, best first.
    var lawNames: [UInt64: [Int]]

    init(colloquial: [String: [String]], lawNames: [String: [Int]]) {
        stopWords = Set(QueryPlan.stopWordList.map { ScalarHash.of($0) })
        var table: [UInt64: [[UInt32]]] = [:]
        for (word, statute) in colloquial { table[ScalarHash.of(word)] = statute.map(TextNormalizer.normalize) }
        self.colloquial = table
        var names: [UInt64: [Int]] = [:]
        for (name, laws) in lawNames { names[ScalarHash.of(name)] = laws }
        self.lawNames = names
    }
}
