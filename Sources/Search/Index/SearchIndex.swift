/// An article-level full-text index over laws: words from the ``Segmenter`` and character unigrams and bigrams, with
/// positions, ranked by BM25 with title and heading boosts.
///
/// Build it once from parsed documents (``init(laws:segmenter:configuration:)``), then call
/// ``search(_:filters:limit:)`` from any thread: the index is immutable.
public final class SearchIndex: Sendable {
    /// Ranking parameters.
    public struct Configuration: Hashable, Sendable {
        /// BM25 term-frequency saturation.
        public var k1: Double = 1.2
        /// BM25 length normalisation.
        public var b: Double = 0.75
        /// Weight of character-bigram BM25 next to word BM25 (bigrams catch words the segmenter split otherwise).
        public var bigramWeight: Double = 0.3
        /// Added, times the term's rarity among titles, when a query term appears in the law's title.
        public var titleBoost: Double = 0.5
        /// The same for a 编/章/节 heading above the article.
        public var headingBoost: Double = 0.75
        /// Scores of expired laws are multiplied by this, so the version in force ranks first.
        public var expiredFactor: Double = 0.7
        /// When strict matching finds fewer hits than asked, add hits that match only some words.
        public var relaxWhenFewHits = true
        /// Added for articles of a law the query names (刑法 盗窃, 刑诉法 辩护人): such a word states which law is meant.
        public var namedLawBoost: Double = 6.0
        /// Scores are multiplied by the factor of the law's level: statutes (法律) first, then judicial interpretations,
        /// because they are what a prosecutor applies (北大法宝 likewise lists results by level); other levels keep 1.
        public var levelFactors: [String: Double] = ["法律": 2.0, "司法解释": 1.3]
        /// Everyday words mapped to statute wordings (see ``ColloquialTerms``).
        public var colloquialTerms: [String: [String]] = ColloquialTerms.standard

        /// The defaults: k1 = 1.2, b = 0.75, bigram weight 0.3, title boost 0.5, heading boost 0.75, expired × 0.7, named law + 6,
        /// 法律 × 2, 司法解释 × 1.3 (chosen on bench/knowledge/queries-dev.jsonl).
        public init() {}
    }

    /// A law as indexed.
    struct Law: Sendable {
        var title: String
        var metadata: LawMetadata
        var documents: Range<Int>
        var articles: [ArticleNumber: Int]
    }

    /// An article as indexed.
    struct Article: Sendable {
        var law: Int
        var article: ArticleNumber
        var label: String
        var headingPath: [String]
        var text: String
        var wordCount: Int
        var characterCount: Int
    }

    let segmenter: Segmenter
    let citationParser: CitationParser
    let configuration: Configuration
    let laws: [Law]
    let articles: [Article]
    let postings: PostingStore
    let titles: FieldMatcher
    let headings: FieldMatcher
    let averageWordCount: Double
    /// Per document, copied out of ``articles`` so the scoring loops touch only flat numbers.
    let documentWordCount: [Float]
    let documentCharacterCount: [Float]
    /// Every article's text as written, as scalars, one after the other: `articleScalars[articleStart[d] ..< articleStart[d + 1]]`.
    let articleScalars: [UInt32]
    let articleStart: [Int]
    /// Per document: the expired and level factors multiplied.
    let documentFactor: [Double]
    let averageCharacterCount: Double
    /// Normalised title (and title without 中华人民共和国) → laws, for citation resolution.
    let lawsByTitle: [String: [Int]]

    /// Builds the index.
    /// - Parameters:
    ///   - laws: parsed documents with their metadata; each article becomes one searchable document.
    ///   - segmenter: the segmenter used for documents and queries alike.
    ///   - configuration: ranking parameters.
    public init(laws input: [(document: LawDocument, metadata: LawMetadata)], segmenter: Segmenter, configuration: Configuration = .init()) {
        self.segmenter = segmenter
        self.configuration = configuration
        var laws: [Law] = []
        var articles: [Article] = []
        var titles = FieldMatcher()
        var headings = FieldMatcher()
        var lawsByTitle: [String: [Int]] = [:]
        var builder = PostingStore.Builder(expectedOccurrences: input.reduce(0) { $0 + $1.document.articles.count } * 300)
        var totalWords = 0
        var totalCharacters = 0
        var articleScalars: [UInt32] = []
        var articleStart: [Int] = [0]
        for (document, metadata) in input {
            let lawIndex = laws.count
            let first = articles.count
            var numbers: [ArticleNumber: Int] = [:]
            var headingRanges: [[String]: Range<Int>] = [:]
            for article in document.articles {
                let documentNumber = articles.count
                let text = article.text
                let scalars = TextNormalizer.normalize(text)
                articleScalars.append(contentsOf: text.unicodeScalars.lazy.map(\.value))
                articleStart.append(articleScalars.count)
                let (words, characters) = Self.addOccurrences(of: scalars, document: UInt32(documentNumber), segmenter: segmenter, into: &builder)
                totalWords += words
                totalCharacters += characters
                numbers[article.articleNumber] = numbers[article.articleNumber] ?? documentNumber
                for depth in article.headingPath.indices {
                    let key = Array(article.headingPath[...depth])
                    let range = headingRanges[key] ?? documentNumber..<documentNumber
                    headingRanges[key] = range.lowerBound..<(documentNumber + 1)
                }
                articles.append(
                    Article(
                        law: lawIndex, article: article.articleNumber, label: article.label, headingPath: article.headingPath, text: text,
                        wordCount: words, characterCount: characters))
            }
            let range = first..<articles.count
            for (path, documents) in headingRanges.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) {
                headings.add(path.last!, documents: documents)
            }
            titles.add(document.title, documents: range)
            let normalizedTitle = Self.titleKey(document.title)
            lawsByTitle[normalizedTitle, default: []].append(lawIndex)
            if normalizedTitle.hasPrefix("中华人民共和国") {
                lawsByTitle[String(normalizedTitle.dropFirst(7)), default: []].append(lawIndex)
            }
            laws.append(Law(title: document.title, metadata: metadata, documents: range, articles: numbers))
        }
        self.laws = laws
        self.articles = articles
        self.articleScalars = articleScalars
        self.articleStart = articleStart
        self.documentWordCount = articles.map { Float($0.wordCount) }
        self.documentCharacterCount = articles.map { Float($0.characterCount) }
        self.documentFactor = articles.map { article in
            let metadata = laws[article.law].metadata
            return (metadata.isExpired ? configuration.expiredFactor : 1) * (configuration.levelFactors[metadata.level ?? ""] ?? 1)
        }
        self.postings = builder.build()
        self.titles = titles
        self.headings = headings
        self.lawsByTitle = lawsByTitle
        self.averageWordCount = Double(max(totalWords, 1)) / Double(max(articles.count, 1))
        self.averageCharacterCount = Double(max(totalCharacters, 1)) / Double(max(articles.count, 1))
        var extraNames: [String: String] = [:]
        for law in laws { extraNames[law.title] = law.title }
        self.citationParser = CitationParser(extraNames: extraNames)
    }

    /// Number of articles indexed.
    public var articleCount: Int { articles.count }
    /// Number of laws indexed.
    public var lawCount: Int { laws.count }
    /// Number of distinct terms (words, unigrams and bigrams).
    public var termCount: Int { postings.terms.count }

    /// The full text of an indexed article (paragraphs and items, one per line).
    public func articleText(document: Int) -> String { articles[document].text }

    /// Titles compare without spaces and with full-width brackets folded.
    static func titleKey(_ title: String) -> String {
        String(String.UnicodeScalarView(TextNormalizer.normalize(title).filter { $0 != 0x20 }.compactMap(Unicode.Scalar.init)))
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
                builder.add(PostingStore.bigramKey(scalars[index], scalars[index + 1]), document: document, position: UInt32(index))
            }
        }
        return (words, characters)
    }
}
