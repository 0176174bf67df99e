public import Foundation

extension SearchIndex {
    private static let snapshotMagic: UInt64 = 0x0002_5058_4449_574A  // "JWIDXP", format 2

    /// Writes the index to a file that ``init(snapshotAt:segmenter:configuration:)`` reads back without re-segmenting.
    ///
    /// The snapshot holds laws, articles, their text and the postings; configuration and segmenter are not stored (a
    /// snapshot must be read with the same dictionary it was built with, since query words are segmented by it).
    /// - Throws: when the file cannot be written.
    public func writeSnapshot(to url: URL) throws {
        var writer = BinaryWriter()
        writer.write(Self.snapshotMagic)
        writer.write(Int64(content.laws.count))
        for law in content.laws {
            writer.write(law.title)
            writer.write(law.metadata.id)
            writer.write(law.metadata.category)
            writer.write(law.metadata.level)
            writer.write(UInt8(law.metadata.isExpired ? 1 : 0))
            writer.write(law.metadata.publishDate)
            writer.write(Int64(law.documents.lowerBound))
            writer.write(Int64(law.documents.upperBound))
        }
        writer.write(Int64(content.articles.count))
        for article in content.articles {
            writer.write(Int64(article.law))
            writer.write(Int64(article.number))
            writer.write(Int64(article.suffix))
            writer.write(Int64(article.wordCount))
            writer.write(Int64(article.characterCount))
            writer.write(Int64(article.headingPath.count))
            for heading in article.headingPath { writer.write(heading) }
            writer.write(article.keywords)
        }
        writer.write(array: content.articleScalars)
        writer.write(array: content.articleStart.map { UInt64($0) })
        let postings = content.postings
        let terms = postings.terms.sorted { $0.value < $1.value }
        writer.write(array: terms.map(\.key))
        writer.write(array: postings.postingStart)
        writer.write(array: postings.postingDocument)
        writer.write(array: postings.postingFrequency)
        writer.write(array: postings.positionStart)
        writer.write(array: postings.positions)
        try Data(writer.bytes).write(to: url, options: .atomic)
    }

    /// Reads a snapshot written by ``writeSnapshot(to:)``.
    /// - Throws: ``SearchDataError`` when the file is missing, truncated, inconsistent or of another format.
    public convenience init(snapshotAt url: URL, segmenter: Segmenter, configuration: Configuration = .init()) throws {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { throw SearchDataError(reason: .unreadable, path: url.path) }
        let failure = SearchDataError(reason: .invalidCache, path: url.path)
        let content = try data.withUnsafeBytes { raw in try Self.readContent(BinaryReader(raw, failure: failure), failure: failure) }
        self.init(content: content, segmenter: segmenter, configuration: configuration)
    }

    private static func readContent(_ reader: BinaryReader, failure: SearchDataError) throws -> IndexContent {
        var reader = reader
        guard try reader.read(UInt64.self) == snapshotMagic else { throw failure }
        var laws: [IndexContent.LawRecord] = []
        for _ in 0..<(try reader.readInt()) {
            let title = try reader.readString()
            let metadata = LawMetadata(
                id: try reader.readString(), category: try reader.readOptionalString(), level: try reader.readOptionalString(),
                isExpired: try reader.read(UInt8.self) == 1, publishDate: try reader.readOptionalString())
            let lower = try reader.readInt()
            let upper = try reader.readInt()
            guard lower <= upper else { throw failure }
            laws.append(.init(title: title, metadata: metadata, documents: lower..<upper))
        }
        var articles: [IndexContent.ArticleRecord] = []
        let articleCount = try reader.readInt()
        articles.reserveCapacity(articleCount)
        for _ in 0..<articleCount {
            let law = try reader.readInt()
            let number = try reader.readInt()
            let suffix = try reader.readInt()
            let words = try reader.readInt()
            let characters = try reader.readInt()
            let headingPath = try (0..<(try reader.readInt())).map { _ in try reader.readString() }
            let keywords = try reader.readString()
            guard law < laws.count else { throw failure }
            articles.append(
                .init(law: law, number: number, suffix: suffix, headingPath: headingPath, wordCount: words, characterCount: characters, keywords: keywords))
        }
        let scalars = try reader.readArray(of: UInt32.self)
        let starts = try reader.readArray(of: UInt64.self).map { Int($0) }
        let keys = try reader.readArray(of: UInt64.self)
        let postingStart = try reader.readArray(of: UInt32.self)
        let postingDocument = try reader.readArray(of: UInt32.self)
        let postingFrequency = try reader.readArray(of: UInt32.self)
        let positionStart = try reader.readArray(of: UInt32.self)
        let positions = try reader.readArray(of: UInt32.self)
        // Offsets must stay inside their arrays, so a damaged file fails here rather than at query time (positions are
        // read only for bigrams, whose ranges the builder wrote; a start past the end is caught here).
        guard reader.isAtEnd, starts.count == articles.count + 1, starts.last == scalars.count, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
            laws.allSatisfy({ $0.documents.upperBound <= articles.count }), postingStart.count == keys.count + 1,
            postingStart.last.map(Int.init) == postingDocument.count, postingFrequency.count == postingDocument.count,
            positionStart.count == postingDocument.count, zip(postingStart, postingStart.dropFirst()).allSatisfy({ $0 <= $1 }),
            postingDocument.allSatisfy({ Int($0) < articles.count }),
            positionStart.allSatisfy({ Int($0) <= positions.count })
        else { throw failure }
        var terms: [UInt64: UInt32] = [:]
        terms.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() { terms[key] = UInt32(index) }
        let postings = PostingStore(
            terms: terms, postingStart: postingStart, postingDocument: postingDocument, postingFrequency: postingFrequency,
            positionStart: positionStart, positions: positions)
        return IndexContent(laws: laws, articles: articles, articleScalars: scalars, articleStart: starts, postings: postings)
    }
}
