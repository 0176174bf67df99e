/// Chinese character bigrams, the unit of retrieval: Chinese has no spaces and Foundation on Linux cannot segment it.
enum Bigrams {
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Counts of adjacent Han-character pairs; punctuation, digits and Latin letters break a run.
    static func counts(_ text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            guard isHan(scalar) else {
                previous = nil
                continue
            }
            if let previous {
                var pair = String.UnicodeScalarView()
                pair.append(previous)
                pair.append(scalar)
                result[String(pair), default: 0] += 1
            }
            previous = scalar
        }
        return result
    }
}
