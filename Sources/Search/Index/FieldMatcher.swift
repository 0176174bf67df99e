/// Finds which short fields (law titles, chapter headings) contain a piece of text, and the documents under them.
///
/// All field texts sit in one scalar buffer; a search is one pass over it, which for the corpus's 1,500 titles and
/// some 10,000 headings is a few hundred thousand comparisons at most.
struct FieldMatcher: Sendable {
    private var buffer: [UInt32] = []
    private var fieldStart: [Int] = []
    private var fieldDocuments: [Range<Int>] = []

    /// Adds a field (normalised text) covering a range of documents.
    mutating func add(_ text: String, documents: Range<Int>) {
        fieldStart.append(buffer.count)
        buffer.append(contentsOf: TextNormalizer.normalize(text))
        buffer.append(0)
        fieldDocuments.append(documents)
    }

    /// Number of fields.
    var count: Int { fieldDocuments.count }

    /// The fields containing `needle`, as indices.
    func fields(containing needle: [UInt32]) -> [Int] {
        guard let first = needle.first else { return [] }
        var found: [Int] = []
        var index = 0
        let limit = buffer.count - needle.count
        while index <= limit {
            if buffer[index] == first, matches(needle, at: index) {
                var low = 0
                var high = fieldStart.count
                while high - low > 1 {
                    let middle = (low + high) >> 1
                    if fieldStart[middle] <= index { low = middle } else { high = middle }
                }
                if found.last != low { found.append(low) }
                index = low + 1 < fieldStart.count ? fieldStart[low + 1] : buffer.count
                continue
            }
            index += 1
        }
        return found
    }

    /// Documents under a field.
    func documents(of field: Int) -> Range<Int> { fieldDocuments[field] }

    private func matches(_ needle: [UInt32], at index: Int) -> Bool {
        for offset in 1..<needle.count where buffer[index + offset] != needle[offset] { return false }
        return true
    }
}
