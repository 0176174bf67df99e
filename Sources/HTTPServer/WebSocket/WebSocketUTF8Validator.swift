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
        var index = 0
        while index < count {
            if pendingContinuations == 0 {
                // Most text is ASCII: skip it a word at a time.
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let lead = base[index]
                index += 1
                if lead < 0x80 { continue }
                guard startSequence(lead: lead) else { return false }
            } else {
                let byte = base[index]
                guard byte >= nextLow, byte <= nextHigh else { return false }
                index += 1
                pendingContinuations -= 1
                nextLow = 0x80
                nextHigh = 0xBF
            }
        }
        return true
    }

    private mutating func startSequence(lead: UInt8) -> Bool {
        nextLow = 0x80
        nextHigh = 0xBF
        switch lead {
        case 0xC2...0xDF:
            pendingContinuations = 1
        case 0xE0:
            pendingContinuations = 2
            nextLow = 0xA0  // below is an overlong three-byte form
        case 0xE1...0xEC, 0xEE...0xEF:
            pendingContinuations = 2
        case 0xED:
            pendingContinuations = 2
            nextHigh = 0x9F  // above would encode a surrogate
        case 0xF0:
            pendingContinuations = 3
            nextLow = 0x90  // below is an overlong four-byte form
        case 0xF1...0xF3:
            pendingContinuations = 3
        case 0xF4:
            pendingContinuations = 3
            nextHigh = 0x8F  // above is past U+10FFFF
        default:
            // 0x80–0xBF cannot start a sequence; 0xC0, 0xC1 and 0xF5–0xFF never appear in UTF-8.
            return false
        }
        return true
    }
}
