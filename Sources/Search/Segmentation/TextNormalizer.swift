/// Maps text to the scalar form every search component works on, one output scalar per input scalar.
///
/// Full-width ASCII (ＡＢＣ１２３) becomes ASCII, ASCII letters become lower case, the ideographic space becomes a space.
/// Because the mapping is one to one, an offset in the normalised form is also an offset in the original text's
/// unicode scalars, which is what snippets and highlights need.
enum TextNormalizer {
    static func normalize(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars { result.append(normalize(scalar.value)) }
        return result
    }

    @inline(__always)
    static func normalize(_ value: UInt32) -> UInt32 {
        var value = value
        if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 }
        if value == 0x3000 { return 0x20 }
        if value >= 0x41, value <= 0x5A { value += 0x20 }
        return value
    }

    /// Ideographs (CJK unified, extension A, compatibility) and 〇.
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF) || (value >= 0xF900 && value <= 0xFAFF)
            || (value >= 0x20000 && value <= 0x2FA1F) || value == 0x3007
    }

    /// ASCII lower-case letters and digits (after normalisation).
    @inline(__always)
    static func isAlphanumeric(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
    }

    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
}

/// FNV-1a over 32-bit scalars: the key of words in the dictionary and of terms in the index.
///
/// Keys are compared by hash only. With 64 bits and about a million entries the chance of any collision is
/// below one in ten million, and a collision would only merge two terms' statistics.
struct ScalarHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var value: UInt64

    init(seed: UInt64 = ScalarHash.seed) { self.value = seed }

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        value = (value ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    static func of<C: Collection>(_ scalars: C, seed: UInt64 = ScalarHash.seed) -> UInt64 where C.Element == UInt32 {
        var hash = ScalarHash(seed: seed)
        for scalar in scalars { hash.add(scalar) }
        return hash.value
    }

    static func of(_ text: String, seed: UInt64 = ScalarHash.seed) -> UInt64 {
        of(TextNormalizer.normalize(text), seed: seed)
    }
}
