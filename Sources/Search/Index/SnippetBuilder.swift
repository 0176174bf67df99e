/// Cuts an excerpt around the densest cluster of matched words and records where they are.
///
/// Matching runs over the article's scalars, kept flat in the index (normalised on the fly); the excerpt is built as
/// UTF-8 from the same scalars, so a snippet costs one scan of the article and one string.
enum SnippetBuilder {
    /// Length of an excerpt in characters.
    static let width = 90
    /// Characters shown before the first match.
    static let lead = 12

    /// - Parameters:
    ///   - original: the article's scalars as written.
    ///   - needles: normalised words to mark.
    static func snippet(of original: ArraySlice<UInt32>, marking needles: [[UInt32]]) -> Snippet {
        let base = original.startIndex
        let count = original.count
        var matches: [Range<Int>] = []
        for needle in needles where !needle.isEmpty && needle.count <= count {
            var index = 0
            let first = needle[0]
            while index <= count - needle.count {
                if TextNormalizer.normalize(original[base + index]) == first,
                    needle.indices.allSatisfy({ TextNormalizer.normalize(original[base + index + $0]) == needle[$0] })
                {
                    matches.append(index..<(index + needle.count))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        matches.sort { $0.lowerBound < $1.lowerBound }
        // The window start (one per match) that covers the most matched characters.
        var start = 0
        var best = -1
        for match in matches {
            let from = max(0, match.lowerBound - lead)
            var covered = 0
            for other in matches where other.lowerBound >= from && other.upperBound <= from + width { covered += other.count }
            if covered > best {
                best = covered
                start = from
            }
        }
        let end = min(count, start + width)
        // The excerpt as UTF-8 bytes (the fast way to make a String), with each scalar's UTF-16 offset for the highlights.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((end - start) * 3 + 6)
        var utf16 = 0
        func append(_ value: UInt32) {
            switch value {
            case 0..<0x80: bytes.append(UInt8(value))
            case 0x80..<0x800: bytes += [UInt8(0xC0 | (value >> 6)), UInt8(0x80 | (value & 0x3F))]
            case 0x800..<0x10000: bytes += [UInt8(0xE0 | (value >> 12)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F))]
            default:
                bytes += [
                    UInt8(0xF0 | (value >> 18)), UInt8(0x80 | ((value >> 12) & 0x3F)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F)),
                ]
            }
            utf16 += value > 0xFFFF ? 2 : 1
        }
        if start > 0 { append(0x2026) }
        var offsets = [Int](repeating: 0, count: end - start + 1)
        for index in start..<end {
            offsets[index - start] = utf16
            let value = original[base + index]
            append(value == 0x0A ? 0x20 : value)
        }
        offsets[end - start] = utf16
        if end < count { append(0x2026) }
        var highlights: [Range<Int>] = []
        for match in matches where match.lowerBound >= start && match.upperBound <= end {
            let range = offsets[match.lowerBound - start]..<offsets[match.upperBound - start]
            if let last = highlights.last, range.lowerBound < last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                highlights.append(range)
            }
        }
        return Snippet(text: String(decoding: bytes, as: UTF8.self), highlights: highlights)
    }
}
