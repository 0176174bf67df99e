/// A strict, incremental UTF-8 checker for text messages that arrive in pieces (RFC 3629 §4 table).
///
/// Refuses overlong forms, surrogates (U+D800–U+DFFF), scalars above U+10FFFF, stray continuation bytes
/// and truncated sequences. A sequence may be split across calls to ``consume(_:)``.
struct WebSocketUTF8Validator: Sendable {
    /// Continuation bytes still owed by the current sequence.
    private var pendingContinuations = 0
    /// The allowed range of the next continuation byte; narrower than 0x80...0xBF only right after some lead bytes.
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF

    init() {}

    /// Whether the bytes so far end on a whole character (a message may only end there).
    var isAtCharacterBoundary: Bool { pendingContinuations == 0 }

    /// Checks the next piece of the text. Returns false at the first byte that cannot be valid UTF-8;
    /// the validator must then be thrown away.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        // Work on locals (written back at the end) so the loop keeps its state in registers.
        var pending = pendingContinuations
        var low = nextLow
        var high = nextHigh
        var index = 0
        while index < count {
            if pending == 0 {
                // Most text is ASCII: skip it a word at a time.
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let lead = base[index]
                index += 1
                if lead < 0x80 { continue }
                guard let sequence = Self.sequence(startingWith: lead) else { return false }
                (pending, low, high) = sequence
                // Fast path: the whole character is in this piece, so check it without going round the loop.
                if index + pending <= count {
                    guard base[index] >= low, base[index] <= high else { return false }
                    var offset = 1
                    while offset < pending {
                        guard base[index + offset] & 0xC0 == 0x80 else { return false }
                        offset += 1
                    }
                    index += pending
                    pending = 0
                }
            } else {
                let byte = base[index]
                guard byte >= low, byte <= high else { return false }
                index += 1
                pending -= 1
                low = 0x80
                high = 0xBF
            }
        }
        pendingContinuations = pending
        nextLow = low
        nextHigh = high
        return true
    }

    /// For a lead byte: how many continuation bytes follow, and the allowed range of the first one.
    /// Nil for bytes that cannot start a character: 0x80–0xBF (continuations), and 0xC0, 0xC1, 0xF5–0xFF (never in UTF-8).
    private static func sequence(startingWith lead: UInt8) -> (continuations: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)  // lower would be an overlong three-byte form
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)  // higher would encode a surrogate
        case 0xF0: (3, 0x90, 0xBF)  // lower would be an overlong four-byte form
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)  // higher is past U+10FFFF
        default: nil
        }
    }
}
