/// What the index is made of, as built from documents or read from a snapshot: laws, articles, their text and the
/// postings. Everything else in ``SearchIndex`` is derived from it at load.
struct IndexContent: Sendable {
    struct LawRecord: Sendable {
        var title: String
        var metadata: LawMetadata
        var documents: Range<Int>
    }

    struct ArticleRecord: Sendable {
        var law: Int
        var number: Int
        var suffix: Int
        var headingPath: [String]
        var wordCount: Int
        var characterCount: Int
        /// Keywords attached to the article (charge names), searched like a heading.
        var keywords: String = ""
    }

    var laws: [LawRecord]
    var articles: [ArticleRecord]
    /// Every article's text as written, as scalars: `articleScalars[articleStart[d] ..< articleStart[d + 1]]`.
    var articleScalars: [UInt32]
    var articleStart: [Int]
    var postings: PostingStore

    /// Segments and indexes every article of the documents.
    init(laws input: [(document: LawDocument, metadata: LawMetadata)], segmenter: Segmenter, keywords: [ArticleKeywords] = []) {
        var keywordsByLaw: [String: [ArticleNumber: String]] = [:]
        for entry in keywords {
            let existing = keywordsByLaw[entry.lawTitle, default: [:]][entry.article]
            keywordsByLaw[entry.lawTitle, default: [:]][entry.article] = existing.map { $0 + entry.text } ?? entry.text
        }
        var laws: [LawRecord] = []
        var articles: [ArticleRecord] = []
        var builder = PostingStore.Builder(expectedOccurrences: input.reduce(0) { $0 + $1.document.articles.count } * 300)
        var articleScalars: [UInt32] = []
        var articleStart: [Int] = [0]
        for (document, metadata) in input {
            let first = articles.count
            let lawKeywords = keywordsByLaw[document.title] ?? [:]
            for article in document.articles {
                let text = article.text
                articleScalars.append(contentsOf: text.unicodeScalars.lazy.map(\.value))
                articleStart.append(articleScalars.count)
                let (words, characters) = Self.addOccurrences(
                    of: TextNormalizer.normalize(text), document: UInt32(articles.count), segmenter: segmenter, into: &builder)
                articles.append(
                    ArticleRecord(
                        law: laws.count, number: article.number, suffix: article.suffix, headingPath: article.headingPath, wordCount: words,
                        characterCount: characters, keywords: lawKeywords[article.articleNumber] ?? ""))
            }
            laws.append(LawRecord(title: document.title, metadata: metadata, documents: first..<articles.count))
        }
        self.init(laws: laws, articles: articles, articleScalars: articleScalars, articleStart: articleStart, postings: builder.build())
    }

    init(laws: [LawRecord], articles: [ArticleRecord], articleScalars: [UInt32], articleStart: [Int], postings: PostingStore) {
        self.laws = laws
        self.articles = articles
        self.articleScalars = articleScalars
        self.articleStart = articleStart
        self.postings = postings
    }

    /// Indexes one article's text: words at their offsets, ideograph unigrams and bigrams at theirs.
    private static func addOccurrences(of scalars: [UInt32], document: UInt32, segmenter: Segmenter, into builder: inout PostingStore.Builder) -> (
        words: Int, characters: Int
    ) {
        var words = 0
        segmenter.scan(scalars) { span in
            builder.add(span.key, document: document, position: UInt32(span.start))
            words += 1
        }
        var characters = 0
        for index in scalars.indices where TextNormalizer.isIdeograph(scalars[index]) {
            characters += 1
            builder.add(PostingStore.unigramKey(scalars[index]), document: document, position: UInt32(index))
            if index + 1 < scalars.count, TextNormalizer.isIdeograph(scalars[index + 1]) {
                builder.add(
                    PostingStore.bigramKey(scalars[index], scalars[index + 1]), document: document, position: UInt32(index), keepsPosition: true)
            }
        }
        return (words, characters)
    }
}
