// ICU's dictionary-based word break for Chinese, for comparison with the Search segmenter.
// No Foundation here: importing it next to the system ICU headers clashes with the toolchain's own ICU module.
internal import CICU

/// Splits text into words with ICU's `UBRK_WORD` iterator (locale zh), dropping spaces and punctuation.
public struct ICUWordBreaker: Sendable {
    /// Creates a breaker.
    public init() {}

    /// The words of a text (segments whose rule status marks a letter, number or ideographic word).
    public func words(_ text: String) -> [String] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var status = U_ZERO_ERROR
        return units.withUnsafeBufferPointer { buffer -> [String] in
            guard let iterator = shim_ubrk_open_words("zh", buffer.baseAddress, Int32(buffer.count), &status),
                status.rawValue <= U_ZERO_ERROR.rawValue
            else { return [] }
            defer { shim_ubrk_close(iterator) }
            var words: [String] = []
            var start = shim_ubrk_first(iterator)
            while true {
                let end = shim_ubrk_next(iterator)
                if end == UBRK_DONE { break }
                // Rule status 0..<100 is "none" (spaces, punctuation); numbers, letters, kana and ideographs are above.
                if shim_ubrk_rule_status(iterator) >= 100 {
                    words.append(String(decoding: buffer[Int(start)..<Int(end)], as: UTF16.self))
                }
                start = end
            }
            return words
        }
    }
}
