/// A query turned into what the index can evaluate: for every term, the pieces that must all be present.
struct QueryPlan {
    /// Something that must be found in an article (its text, its law's title or its headings).
    enum Piece: Hashable {
        /// A run of ideographs (or a single one) that must appear contiguously.
        case substring([UInt32])
        /// A number, ordinal or ASCII word, matched by its word key (二百六十四 and 264 are the same key).
        case token(UInt64, [UInt32])

        var scalars: [UInt32] {
            switch self {
            case .substring(let scalars), .token(_, let scalars): scalars
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
    var wordKeys: [UInt64]
    var bigramKeys: [UInt64]
    /// Every distinct piece of the positive terms (for relaxed matching and highlighting).
    var positivePieces: [Piece]

    /// Function words that carry no meaning as a required piece (they still count in scoring through bigrams).
    static let stopWords: Set<String> = [
        "的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "吧", "啊", "怎么", "怎样", "什么", "如何", "哪些", "多少", "几", "会",
        "要", "被", "把", "对", "有", "没有", "可以", "能", "能否", "是否", "应该", "应当", "还", "就", "都", "也", "我", "你", "他", "她", "人",
    ]

    init(_ query: SearchQuery, segmenter: Segmenter) {
        var wordKeys: [UInt64] = []
        var bigramKeys: [UInt64] = []
        var pieces: [Piece] = []
        func plan(_ term: SearchQuery.Term, scoring: Bool) -> Term {
            let scalars = TextNormalizer.normalize(term.text)
            var result = Term(pieces: [])
            switch term {
            case .phrase:
                // Ideograph runs contiguous; numbers and ASCII words by key.
                var index = 0
                while index < scalars.count {
                    if TextNormalizer.isIdeograph(scalars[index]) {
                        let start = index
                        while index < scalars.count, TextNormalizer.isIdeograph(scalars[index]) { index += 1 }
                        result.pieces.append(.substring(Array(scalars[start..<index])))
                    } else {
                        index += 1
                    }
                }
                segmenter.scan(scalars) { span in
                    if span.kind == .latin { result.pieces.append(.token(span.key, Array(scalars[span.start..<span.end]))) }
                    if scoring { wordKeys.append(span.key) }
                }
            case .text:
                var required: [Piece] = []
                var all: [Piece] = []
                segmenter.scan(scalars) { span in
                    let text = Array(scalars[span.start..<span.end])
                    let piece: Piece =
                        switch span.kind {
                        case .latin, .numeral, .ordinal: .token(span.key, text)
                        case .word, .unknown: .substring(text)
                        }
                    all.append(piece)
                    let word = String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init)))
                    if !Self.stopWords.contains(word) { required.append(piece) }
                    if scoring, !Self.stopWords.contains(word) { wordKeys.append(span.key) }
                }
                result.pieces = required.isEmpty ? all : required
            }
            if scoring {
                for index in scalars.indices.dropLast()
                where TextNormalizer.isIdeograph(scalars[index]) && TextNormalizer.isIdeograph(scalars[index + 1]) {
                    bigramKeys.append(PostingStore.bigramKey(scalars[index], scalars[index + 1]))
                }
                for piece in result.pieces where !pieces.contains(piece) { pieces.append(piece) }
            }
            return result
        }
        clauses = query.clauses.map { clause in clause.alternatives.map { plan($0, scoring: true) }.filter { !$0.pieces.isEmpty } }
            .filter { !$0.isEmpty }
        excluded = query.excluded.map { plan($0, scoring: false) }.filter { !$0.pieces.isEmpty }
        self.wordKeys = Array(Set(wordKeys)).sorted()
        self.bigramKeys = Array(Set(bigramKeys)).sorted()
        self.positivePieces = pieces
    }
}
