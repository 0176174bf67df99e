/// The segmenter's prefix dictionary: for every word and every prefix of a word, whether it exists and its log-probability.
///
/// An open-addressing hash table keyed by ``ScalarHash``, so a lookup costs no allocation and the segmenter can extend a
/// candidate word one character at a time with a rolling hash (jieba's prefix dictionary, without strings).
public struct WordDictionary: Sendable {
    /// Marks an entry that is only a prefix of longer words.
    static let prefixOnly = -Float.infinity

    private var keys: [UInt64]
    private var values: [Float]
    private var mask: Int
    private var occupied = 0
    /// Number of words (prefix-only entries excluded).
    public private(set) var wordCount: Int
    /// The log-probability given to a character the dictionaries do not know.
    public private(set) var unknownLogProbability: Float

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        wordCount = 0
        unknownLogProbability = -20
    }

    /// The log-probability of a word, ``prefixOnly`` for a prefix of longer words, `nil` if neither.
    @inline(__always)
    func lookup(_ key: UInt64) -> Float? {
        let key = key == 0 ? 1 : key
        var slot = Self.slot(key, mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The log-probability of a word given as text, or `nil` if it is not a word.
    public func logProbability(of word: String) -> Float? {
        guard let value = lookup(ScalarHash.of(word)), value != Self.prefixOnly else { return nil }
        return value
    }

    /// Inserts a word, keeping the higher probability if it is already there; marks prefixes.
    mutating func insert(word scalars: ArraySlice<UInt32>, logProbability: Float) {
        var hash = ScalarHash()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            hash.add(scalars[index])
            index += 1
            if index == scalars.endIndex {
                let previous = lookup(hash.value)
                if previous == nil || previous == Self.prefixOnly { wordCount += 1 }
                set(hash.value, max(previous ?? Self.prefixOnly, logProbability))
            } else if lookup(hash.value) == nil {
                set(hash.value, Self.prefixOnly)
            }
        }
    }

    mutating func setUnknownLogProbability(_ value: Float) { unknownLogProbability = value }

    private mutating func set(_ key: UInt64, _ value: Float) {
        if occupied * 2 >= keys.count { grow() }
        let key = key == 0 ? 1 : key
        var slot = Self.slot(key, mask)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { occupied += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        occupied = 0
        for index in oldKeys.indices where oldKeys[index] != 0 { set(oldKeys[index], oldValues[index]) }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The raw table, for the binary cache.
    var storage: (keys: [UInt64], values: [Float]) { (keys, values) }

    init(keys: [UInt64], values: [Float], wordCount: Int, unknownLogProbability: Float) {
        self.keys = keys
        self.values = values
        self.mask = keys.count - 1
        self.occupied = keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
        self.wordCount = wordCount
        self.unknownLogProbability = unknownLogProbability
    }
}
