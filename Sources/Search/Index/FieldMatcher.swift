/// Finds which short fields (law titles, chapter headings) contain a piece of text, and the documents under them.
///
/// Field texts sit in one scalar buffer, with a map from each character and each character pair to the fields holding
/// it; a search verifies only the fields listed under the needle's rarest pair, so it costs microseconds even over
/// the corpus's 1,500 titles and tens of thousands of headings.
struct FieldMatcher: Sendable {
    private var buffer: [UInt32] = []
    private var fieldStart: [Int] = []
    private var fieldDocuments: [Range<Int>] = []
    private var fieldsByGram: [UInt64: [Int32]] = [:]

    /// Adds a field (normalised text) covering a range of documents.
    mutating func add(_ text: String, documents: Range<Int>) {
        let field = Int32(fieldDocuments.count)
        let scalars = TextNormalizer.normalize(text)
        fieldStart.append(buffer.count)
        buffer.append(contentsOf: scalars)
        buffer.append(0)
        fieldDocuments.append(documents)
        for index in scalars.indices {
            Self.append(field, to: &fieldsByGram[PostingStore.unigramKey(scalars[index]), default: []])
            if index + 1 < scalars.count {
                Self.append(field, to: &fieldsByGram[PostingStore.bigramKey(scalars[index], scalars[index + 1]), default: []])
            }
        }
    }

    private static func append(_ field: Int32, to list: inout [Int32]) {
        if list.last != field { list.append(field) }
    }

    /// Number of fields.
    var count: Int { fieldDocuments.count }

    /// The fields containing `needle`, as indices in increasing order.
    func fields(containing needle: [UInt32]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var candidates: [Int32]
        if needle.count == 1 {
            candidates = fieldsByGram[PostingStore.unigramKey(needle[0])] ?? []
            return candidates.map(Int.init)
        }
        candidates = []
        var smallest = Int.max
        for index in 0..<(needle.count - 1) {
            guard let list = fieldsByGram[PostingStore.bigramKey(needle[index], needle[index + 1])] else { return [] }
            if list.count < smallest {
                smallest = list.count
                candidates = list
            }
        }
        return candidates.lazy.map(Int.init).filter { contains(field: $0, needle) }
    }

    /// Documents under a field.
    func documents(of field: Int) -> Range<Int> { fieldDocuments[field] }

    private func contains(field: Int, _ needle: [UInt32]) -> Bool {
        let start = fieldStart[field]
        let end = field + 1 < fieldStart.count ? fieldStart[field + 1] - 1 : buffer.count - 1
        guard end - start >= needle.count else { return false }
        var index = start
        while index + needle.count <= end {
            if buffer[index] == needle[0] {
                var offset = 1
                while offset < needle.count, buffer[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
