/// Cuts an excerpt around the densest cluster of matched words and records where they are.
///
/// Matching runs over the article's normalised scalars, kept flat in the index; the excerpt is one slice of the
/// original text, so a snippet costs a scan of one article and a single string copy.
enum SnippetBuilder {
    /// Length of an excerpt in characters.
    static let width = 90
    /// Characters shown before the first match.
    static let lead = 12

    /// - Parameters:
    ///   - text: the article's original text.
    ///   - normalized: its normalised scalars (same length in scalars as `text`).
    ///   - needles: normalised words to mark.
    static func snippet(of text: String, normalized: ArraySlice<UInt32>, marking needles: [[UInt32]]) -> Snippet {
        let base = normalized.startIndex
        let count = normalized.count
        var matches: [Range<Int>] = []
        for needle in needles where !needle.isEmpty && needle.count <= count {
            var index = 0
            let first = needle[0]
            while index <= count - needle.count {
                if normalized[base + index] == first, needle.indices.allSatisfy({ normalized[base + index + $0] == needle[$0] }) {
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
        let scalars = text.unicodeScalars
        let startIndex = scalars.index(scalars.startIndex, offsetBy: start)
        let endIndex = scalars.index(startIndex, offsetBy: end - start)
        var excerpt = String(scalars[startIndex..<endIndex])
        if excerpt.utf8.contains(0x0A) { excerpt = excerpt.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }
        let prefix = start > 0 ? "…" : ""
        // UTF-16 offset of each scalar offset in the window.
        var offsets = [Int](repeating: 0, count: end - start + 1)
        var utf16 = prefix.utf16.count
        for index in start..<end {
            offsets[index - start] = utf16
            utf16 += normalized[base + index] > 0xFFFF ? 2 : 1
        }
        offsets[end - start] = utf16
        var highlights: [Range<Int>] = []
        for match in matches where match.lowerBound >= start && match.upperBound <= end {
            let range = offsets[match.lowerBound - start]..<offsets[match.upperBound - start]
            if let last = highlights.last, range.lowerBound < last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                highlights.append(range)
            }
        }
        return Snippet(text: prefix + excerpt + (end < count ? "…" : ""), highlights: highlights)
    }
}
