/// A word found by the ``Segmenter``.
public struct Token: Hashable, Sendable {
    /// What kind of word it is.
    public enum Kind: Hashable, Sendable {
        /// A dictionary word (or a single known character).
        case word
        /// A run of rare characters that no dictionary word covers, kept together (names, transliterations).
        case unknown
        /// A run of ASCII letters and digits (`ktv`, `2020`).
        case latin
        /// A Chinese numeral of two or more characters (二百六十四).
        case numeral
        /// An ordinal such as 第二百六十四条, 第264条, 第二款 or 第一百三十三条之一.
        case ordinal
    }

    /// The word as it appears in the text (after normalisation: ASCII lower case, full-width folded).
    public var text: String
    /// What kind of word it is.
    public var kind: Kind
    /// Offsets of the word in the input's unicode scalars.
    public var range: Range<Int>
}

/// A token as the index sees it: offsets and a term key, no string.
struct TokenSpan {
    var start: Int
    var end: Int
    var kind: Token.Kind
    /// ``ScalarHash`` of the canonical form: the text itself, or for numbers the decimal value (二百六十四 and 264 share a key).
    var key: UInt64
}
