/// Cuts an excerpt around the densest cluster of matched words and records where they are.
enum SnippetBuilder {
    /// Length of an excerpt in characters.
    static let width = 90
    /// Characters shown before the first match.
    static let lead = 12

    static func snippet(of text: String, marking needles: [[UInt32]]) -> Snippet {
        let original = Array(text.unicodeScalars)
        let normalized = original.map { TextNormalizer.normalize($0.value) }
        var matches: [Range<Int>] = []
        for needle in needles where !needle.isEmpty && needle.count <= normalized.count {
            var index = 0
            while index <= normalized.count - needle.count {
                if normalized[index] == needle[0], normalized[index..<(index + needle.count)].elementsEqual(needle) {
                    matches.append(index..<(index + needle.count))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        matches.sort { $0.lowerBound < $1.lowerBound }
        // The window start (one per match) that covers the most distinct needles' characters.
        var start = 0
        var best = -1
        for match in matches {
            let from = max(0, match.lowerBound - lead)
            let covered = matches.filter { $0.lowerBound >= from && $0.upperBound <= from + width }.reduce(0) { $0 + $1.count }
            if covered > best {
                best = covered
                start = from
            }
        }
        let end = min(original.count, start + width)
        var excerpt = String.UnicodeScalarView()
        var highlights: [Range<Int>] = []
        var utf16Offset = 0
        if start > 0 {
            excerpt.append("…")
            utf16Offset = 1
        }
        var merged: [Range<Int>] = []
        for match in matches where match.lowerBound >= start && match.upperBound <= end {
            if let last = merged.last, match.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, match.upperBound)
            } else {
                merged.append(match)
            }
        }
        var offsets: [Int] = []
        offsets.reserveCapacity(end - start + 1)
        for index in start..<end {
            offsets.append(utf16Offset)
            let scalar = original[index] == "\n" ? " " : original[index]
            excerpt.append(scalar)
            utf16Offset += scalar.utf16.count
        }
        offsets.append(utf16Offset)
        for range in merged { highlights.append(offsets[range.lowerBound - start]..<offsets[range.upperBound - start]) }
        if end < original.count { excerpt.append("…") }
        return Snippet(text: String(excerpt), highlights: highlights)
    }
}
