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
        /// The same for the article's keywords (charge names).
        public var keywordBoost: Double = 1.0
        /// Scores of expired laws are multiplied by this, so the version in force ranks first.
        public var expiredFactor: Double = 0.7
        /// When strict matching finds fewer hits than this (and than asked), add hits that match only some words;
        /// 0 turns partial matches off.
        public var partialMatchesBelow = 5
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
    }

    let segmenter: Segmenter
    let citationParser: CitationParser
    let configuration: Configuration
    /// What a snapshot stores; everything below it is derived.
    let content: IndexContent
    let laws: [Law]
    let articles: [Article]
    let postings: PostingStore
    let titles: FieldMatcher
    let headings: FieldMatcher
    /// Per-article keyword fields (charge names).
    let keywords: FieldMatcher
    let averageWordCount: Double
    let averageCharacterCount: Double
    /// Per document, copied out so the scoring loops touch only flat numbers.
    let documentWordCount: [Float]
    let documentCharacterCount: [Float]
    /// Per document: the expired and level factors multiplied.
    let documentFactor: [Double]
    /// Normalised title (and title without 中华人民共和国) → laws, for citation resolution.
    let lawsByTitle: [String: [Int]]
    /// Stop words, colloquial words and law names for planning queries.
    let vocabulary: QueryVocabulary

    /// Builds the index.
    /// - Parameters:
    ///   - laws: parsed documents with their metadata; each article becomes one searchable document.
    ///   - segmenter: the segmenter used for documents and queries alike.
    ///   - configuration: ranking parameters.
    ///   - keywords: words to attach to articles, searched like headings (``ArticleKeywords/loadCriminalLawCharges(csvAt:)``).
    public convenience init(
        laws input: [(document: LawDocument, metadata: LawMetadata)], segmenter: Segmenter, configuration: Configuration = .init(),
        keywords: [ArticleKeywords] = []
    ) {
        self.init(content: IndexContent(laws: input, segmenter: segmenter, keywords: keywords), segmenter: segmenter, configuration: configuration)
    }

    /// Derives the query-time structures from the stored content.
    init(content: IndexContent, segmenter: Segmenter, configuration: Configuration) {
        self.segmenter = segmenter
        self.configuration = configuration
        self.content = content
        self.postings = content.postings
        var laws: [Law] = []
        var articles: [Article] = []
        var titles = FieldMatcher()
        var headings = FieldMatcher()
        var keywords = FieldMatcher()
        var lawsByTitle: [String: [Int]] = [:]
        for (lawIndex, record) in content.laws.enumerated() {
            var numbers: [ArticleNumber: Int] = [:]
            var headingRanges: [[String]: Range<Int>] = [:]
            for document in record.documents {
                let stored = content.articles[document]
                let number = ArticleNumber(stored.number, suffix: stored.suffix)
                numbers[number] = numbers[number] ?? document
                for depth in stored.headingPath.indices {
                    let key = Array(stored.headingPath[...depth])
                    let range = headingRanges[key] ?? document..<document
                    headingRanges[key] = range.lowerBound..<(document + 1)
                }
                articles.append(Article(law: lawIndex, article: number, label: number.label, headingPath: stored.headingPath))
                if !stored.keywords.isEmpty { keywords.add(stored.keywords, documents: document..<(document + 1)) }
            }
            for (path, documents) in headingRanges.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) {
                headings.add(path.last!, documents: documents)
            }
            titles.add(record.title, documents: record.documents)
            let normalizedTitle = Self.titleKey(record.title)
            lawsByTitle[normalizedTitle, default: []].append(lawIndex)
            if normalizedTitle.hasPrefix("中华人民共和国") {
                lawsByTitle[String(normalizedTitle.dropFirst(7)), default: []].append(lawIndex)
            }
            laws.append(Law(title: record.title, metadata: record.metadata, documents: record.documents, articles: numbers))
        }
        self.laws = laws
        self.articles = articles
        self.documentWordCount = content.articles.map { Float($0.wordCount) }
        self.documentCharacterCount = content.articles.map { Float($0.characterCount) }
        self.documentFactor = articles.map { article in
            let metadata = laws[article.law].metadata
            return (metadata.isExpired ? configuration.expiredFactor : 1) * (configuration.levelFactors[metadata.level ?? ""] ?? 1)
        }
        self.titles = titles
        self.headings = headings
        self.keywords = keywords
        self.lawsByTitle = lawsByTitle
        let count = Double(max(articles.count, 1))
        self.averageWordCount = Double(max(content.articles.reduce(0) { $0 + $1.wordCount }, 1)) / count
        self.averageCharacterCount = Double(max(content.articles.reduce(0) { $0 + $1.characterCount }, 1)) / count
        var extraNames: [String: String] = [:]
        for law in laws { extraNames[law.title] = law.title }
        self.citationParser = CitationParser(extraNames: extraNames)
        // Names that denote laws in a query: every title (with and without 中华人民共和国) and every abbreviation.
        var lawNames: [String: [Int]] = [:]
        for (key, candidates) in lawsByTitle { lawNames[key] = Self.preferred(candidates, among: laws) }
        for (alias, title) in LawAbbreviations.table {
            if let candidates = lawsByTitle[Self.titleKey(title)] { lawNames[Self.titleKey(alias)] = Self.preferred(candidates, among: laws) }
        }
        self.vocabulary = QueryVocabulary(colloquial: configuration.colloquialTerms, lawNames: lawNames)
    }

    /// Number of articles indexed.
    public var articleCount: Int { articles.count }
    /// Number of laws indexed.
    public var lawCount: Int { laws.count }
    /// Number of distinct terms (words, unigrams and bigrams).
    public var termCount: Int { postings.terms.count }

    /// The full text of an indexed article (paragraphs and items, one per line).
    public func articleText(document: Int) -> String {
        let slice = content.articleScalars[content.articleStart[document]..<content.articleStart[document + 1]]
        return String(String.UnicodeScalarView(slice.compactMap(Unicode.Scalar.init)))
    }

    /// Titles compare without spaces and with full-width brackets folded.
    static func titleKey(_ title: String) -> String {
        String(String.UnicodeScalarView(TextNormalizer.normalize(title).filter { $0 != 0x20 }.compactMap(Unicode.Scalar.init)))
    }
}
