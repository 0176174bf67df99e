/// The inverted index proper: for each term, the documents that contain it, how often, and at which positions.
///
/// Terms are 64-bit keys (words hashed by the segmenter; character unigrams and bigrams hashed under their own seeds, so
/// the three families never meet). Postings are flat arrays sliced per term, built once by a counting sort of all
/// occurrences, so no per-term array is allocated and memory stays in a few large buffers.
struct PostingStore: Sendable {
    /// Term key → term number.
    let terms: [UInt64: UInt32]
    /// Postings of term t: `postingStart[t] ..< postingStart[t + 1]`.
    let postingStart: [UInt32]
    let postingDocument: [UInt32]
    let postingFrequency: [UInt32]
    /// Positions of posting p: `positionStart[p] ..< positionStart[p] + postingFrequency[p]`. Only bigrams keep positions
    /// (phrase and substring checks use them); for words and unigrams `positionStart` is 0 and nothing is stored.
    let positionStart: [UInt32]
    let positions: [UInt32]

    /// Seeds that keep character unigrams and bigrams apart from words.
    static let unigramSeed: UInt64 = 0x9AE1_6A3B_2F90_404F
    static let bigramSeed: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) static func unigramKey(_ scalar: UInt32) -> UInt64 {
        ScalarHash.of(CollectionOfOne(scalar), seed: unigramSeed)
    }

    @inline(__always) static func bigramKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
        var hash = ScalarHash(seed: bigramSeed)
        hash.add(first)
        hash.add(second)
        return hash.value
    }

    /// Posting range of a term key, empty when the term is unknown.
    func postings(_ key: UInt64) -> Range<Int> {
        guard let term = terms[key] else { return 0..<0 }
        return Int(postingStart[Int(term)])..<Int(postingStart[Int(term) + 1])
    }

    /// The posting of `document` within `range`, by binary search.
    func posting(of document: UInt32, in range: Range<Int>) -> Int? {
        Self.index(of: document, in: postingDocument, range)
    }

    /// Whether posting p has a position equal to `position`.
    func hasPosition(_ posting: Int, _ position: UInt32) -> Bool {
        let start = Int(positionStart[posting])
        return Self.index(of: position, in: positions, start..<(start + Int(postingFrequency[posting]))) != nil
    }

    /// Binary search for `value` in a sorted slice.
    private static func index(of value: UInt32, in values: [UInt32], _ range: Range<Int>) -> Int? {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) >> 1
            let found = values[middle]
            if found == value { return middle }
            if found < value { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Accumulates every occurrence, then sorts them into postings.
    struct Builder {
        private(set) var terms: [UInt64: UInt32] = [:]
        private var positional: [Bool] = []
        private var occurrenceTerm: [UInt32] = []
        private var occurrenceDocument: [UInt32] = []
        private var occurrencePosition: [UInt32] = []

        init(expectedOccurrences: Int) {
            occurrenceTerm.reserveCapacity(expectedOccurrences)
            occurrenceDocument.reserveCapacity(expectedOccurrences)
            occurrencePosition.reserveCapacity(expectedOccurrences)
        }

        /// Records an occurrence; documents must come in increasing order and positions increase within a term.
        @inline(__always)
        mutating func add(_ key: UInt64, document: UInt32, position: UInt32, keepsPosition: Bool = false) {
            let term: UInt32
            if let known = terms[key] {
                term = known
            } else {
                term = UInt32(terms.count)
                terms[key] = term
                positional.append(keepsPosition)
            }
            occurrenceTerm.append(term)
            occurrenceDocument.append(document)
            occurrencePosition.append(position)
        }

        /// Sorts occurrences by term (stable, so documents and positions stay in order) and groups them into postings.
        func build() -> PostingStore {
            let termCount = terms.count
            var start = [UInt32](repeating: 0, count: termCount + 1)
            for term in occurrenceTerm { start[Int(term) + 1] += 1 }
            for index in 0..<termCount { start[index + 1] += start[index] }
            var cursor = start
            var sortedDocument = [UInt32](repeating: 0, count: occurrenceTerm.count)
            var sortedPosition = [UInt32](repeating: 0, count: occurrenceTerm.count)
            for index in occurrenceTerm.indices {
                let term = Int(occurrenceTerm[index])
                let slot = Int(cursor[term])
                cursor[term] += 1
                sortedDocument[slot] = occurrenceDocument[index]
                sortedPosition[slot] = occurrencePosition[index]
            }
            var postingStart = [UInt32](repeating: 0, count: termCount + 1)
            var postingDocument: [UInt32] = []
            var postingFrequency: [UInt32] = []
            var positionStart: [UInt32] = []
            var positions: [UInt32] = []
            postingDocument.reserveCapacity(occurrenceTerm.count / 2)
            postingFrequency.reserveCapacity(occurrenceTerm.count / 2)
            positionStart.reserveCapacity(occurrenceTerm.count / 2)
            for term in 0..<termCount {
                var index = Int(start[term])
                let end = Int(start[term + 1])
                while index < end {
                    let document = sortedDocument[index]
                    let first = index
                    while index < end, sortedDocument[index] == document { index += 1 }
                    postingDocument.append(document)
                    postingFrequency.append(UInt32(index - first))
                    if positional[term] {
                        positionStart.append(UInt32(positions.count))
                        positions.append(contentsOf: sortedPosition[first..<index])
                    } else {
                        positionStart.append(0)
                    }
                }
                postingStart[term + 1] = UInt32(postingDocument.count)
            }
            return PostingStore(
                terms: terms, postingStart: postingStart, postingDocument: postingDocument, postingFrequency: postingFrequency,
                positionStart: positionStart, positions: positions)
        }
    }
}
