/// Dictionary-based Chinese word segmentation in the manner of jieba: a prefix dictionary gives, for each position,
/// every word starting there (a DAG); dynamic programming picks the route with the highest total log-probability.
///
/// Beyond the dictionary:
/// - ASCII letters and digits form one unit each run (`2020`, `ktv`), so no word splits them.
/// - Numbers stay whole and meaningful: a Chinese numeral of two or more characters (二百六十四) and an ordinal
///   (第二百六十四条, 第264条, 第二款, 第一百三十三条之一) are offered as one edge with the weight of a common word, so they
///   win over splits such as 第二|百|六十四条 while 一般 or 十分 stay dictionary words. Their term key is the decimal value,
///   so 第二百六十四条 and 第264条 are the same term.
/// - Unknown words: a run of two to four rare characters (each rarer than one in a million, or absent) that the route left
///   as single characters is emitted as one ``Token/Kind/unknown`` word. Common single characters stay single: the index
///   also keeps character bigrams, so recall never depends on guessing unknown words right.
public struct Segmenter: Sendable {
    /// The dictionary in use.
    public let dictionary: WordDictionary
    /// Longest dictionary word considered, in units.
    static let maximumWordLength = 16
    /// Weight of a number or ordinal edge and of an ASCII run: that of a common word.
    static let numberLogProbability: Float = -8
    /// Characters rarer than this count as unknown when left single.
    static let rareLogProbability: Float = -13.8

    /// Creates a segmenter over a dictionary (see ``WordDictionary/loadShipped(directory:cache:)``).
    public init(dictionary: WordDictionary) {
        self.dictionary = dictionary
    }

    /// Segments text into words; punctuation and spaces are dropped.
    public func segment(_ text: String) -> [Token] {
        let scalars = TextNormalizer.normalize(text)
        var tokens: [Token] = []
        scan(scalars) { span in
            let text = String(String.UnicodeScalarView(scalars[span.start..<span.end].compactMap(Unicode.Scalar.init)))
            tokens.append(Token(text: text, kind: span.kind, range: span.start..<span.end))
        }
        return tokens
    }

    /// The words of a text as strings.
    public func words(_ text: String) -> [String] { segment(text).map(\.text) }

    /// Calls `body` for every token of normalised text, in order.
    func scan(_ scalars: [UInt32], _ body: (TokenSpan) -> Void) {
        var workspace = Workspace()
        var index = 0
        let count = scalars.count
        while index < count {
            let value = scalars[index]
            guard TextNormalizer.isIdeograph(value) || TextNormalizer.isAlphanumeric(value) else {
                index += 1
                continue
            }
            let start = index
            while index < count, TextNormalizer.isIdeograph(scalars[index]) || TextNormalizer.isAlphanumeric(scalars[index]) { index += 1 }
            segmentRun(scalars, start, index, &workspace, body)
        }
    }

    /// Per-call scratch buffers, reused across runs.
    private struct Workspace {
        var unitStarts: [Int] = []
        var best: [Float] = []
        var next: [Int] = []
        var kinds: [Token.Kind] = []
        var keys: [UInt64] = []
    }

    private func segmentRun(_ scalars: [UInt32], _ start: Int, _ end: Int, _ work: inout Workspace, _ body: (TokenSpan) -> Void) {
        // Units: one per ideograph, one per ASCII run.
        work.unitStarts.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            work.unitStarts.append(index)
            if TextNormalizer.isAlphanumeric(scalars[index]) {
                while index < end, TextNormalizer.isAlphanumeric(scalars[index]) { index += 1 }
            } else {
                index += 1
            }
        }
        work.unitStarts.append(end)
        let units = work.unitStarts.count - 1
        work.best = Array(repeating: -Float.infinity, count: units + 1)
        work.next = Array(repeating: 0, count: units + 1)
        work.kinds = Array(repeating: .word, count: units + 1)
        work.keys = Array(repeating: 0, count: units + 1)
        work.best[units] = 0
        for unit in stride(from: units - 1, through: 0, by: -1) {
            routeFrom(unit, units, scalars, &work)
        }
        emitRoute(units, scalars, work, body)
    }

    /// Chooses the best edge out of `unit`, given the best routes from every later unit.
    private func routeFrom(_ unit: Int, _ units: Int, _ scalars: [UInt32], _ work: inout Workspace) {
        func consider(_ endUnit: Int, _ logProbability: Float, _ kind: Token.Kind, _ key: UInt64) {
            let score = logProbability + work.best[endUnit]
            if score > work.best[unit] {
                work.best[unit] = score
                work.next[unit] = endUnit
                work.kinds[unit] = kind
                work.keys[unit] = key
            }
        }
        let unitStart = work.unitStarts[unit]
        let isLatin = TextNormalizer.isAlphanumeric(scalars[unitStart])
        var hash = ScalarHash()
        var endUnit = unit
        var singleFound = false
        while endUnit < units, endUnit - unit < Self.maximumWordLength {
            for position in work.unitStarts[endUnit]..<work.unitStarts[endUnit + 1] { hash.add(scalars[position]) }
            endUnit += 1
            guard let value = dictionary.lookup(hash.value) else { break }
            if value != WordDictionary.prefixOnly {
                if endUnit == unit + 1 { singleFound = true }
                consider(endUnit, isLatin && endUnit == unit + 1 ? max(value, Self.numberLogProbability) : value, isLatin && endUnit == unit + 1 ? .latin : .word, hash.value)
            }
        }
        if !singleFound {
            let single = ScalarHash.of(scalars[unitStart..<work.unitStarts[unit + 1]])
            consider(unit + 1, isLatin ? Self.numberLogProbability : dictionary.unknownLogProbability, isLatin ? .latin : .word, single)
        }
        if let number = NumberSpanReader.read(scalars, unitStarts: work.unitStarts, from: unit, units: units) {
            consider(number.endUnit, Self.numberLogProbability, number.kind, number.key)
        }
    }

    /// Walks the chosen route, joining runs of rare single characters into unknown words.
    private func emitRoute(_ units: Int, _ scalars: [UInt32], _ work: Workspace, _ body: (TokenSpan) -> Void) {
        var unit = 0
        var pendingRare: [Int] = []
        func flushRare() {
            guard !pendingRare.isEmpty else { return }
            if pendingRare.count >= 2 {
                var offset = 0
                while offset < pendingRare.count {
                    let chunk = min(4, pendingRare.count - offset)
                    let from = work.unitStarts[pendingRare[offset]]
                    let to = work.unitStarts[pendingRare[offset + chunk - 1] + 1]
                    body(TokenSpan(start: from, end: to, kind: chunk == 1 ? .word : .unknown, key: ScalarHash.of(scalars[from..<to])))
                    offset += chunk
                }
            } else {
                let unit = pendingRare[0]
                body(TokenSpan(start: work.unitStarts[unit], end: work.unitStarts[unit + 1], kind: .word, key: work.keys[unit]))
            }
            pendingRare.removeAll(keepingCapacity: true)
        }
        while unit < units {
            let endUnit = work.next[unit]
            let isRareSingle =
                endUnit == unit + 1 && work.kinds[unit] == .word
                && (dictionary.lookup(work.keys[unit]).map { $0 < Self.rareLogProbability } ?? true)
            if isRareSingle {
                pendingRare.append(unit)
            } else {
                flushRare()
                body(TokenSpan(start: work.unitStarts[unit], end: work.unitStarts[endUnit], kind: work.kinds[unit], key: work.keys[unit]))
            }
            unit = endUnit
        }
        flushRare()
    }
}
