/// What the index knows about a law besides its text: identity and the fields filters use.
public struct LawMetadata: Hashable, Sendable, Codable {
    /// A stable identifier (the corpus metadata id, or a path).
    public var id: String
    /// Category (刑法, 司法解释, 行政法规 …).
    public var category: String?
    /// Level (法律, 司法解释, 行政法规 …).
    public var level: String?
    /// Whether the law is no longer in force (失效).
    public var isExpired: Bool
    /// Publication date as written in the metadata (yyyy-mm-dd); later versions win when several share a title.
    public var publishDate: String?

    /// Creates metadata.
    public init(id: String, category: String? = nil, level: String? = nil, isExpired: Bool = false, publishDate: String? = nil) {
        self.id = id
        self.category = category
        self.level = level
        self.isExpired = isExpired
        self.publishDate = publishDate
    }
}

/// Which laws a search may return.
public struct SearchFilters: Hashable, Sendable {
    /// Validity of the law.
    public enum Validity: Hashable, Sendable {
        /// In force and expired alike.
        case any
        /// Only laws in force.
        case currentOnly
        /// Only expired laws.
        case expiredOnly
    }

    /// Only these law ids (nil: all).
    public var lawIDs: Set<String>?
    /// Only these categories (nil: all).
    public var categories: Set<String>?
    /// Only these levels (nil: all).
    public var levels: Set<String>?
    /// Validity.
    public var validity: Validity

    /// Creates filters; the default lets everything through.
    public init(lawIDs: Set<String>? = nil, categories: Set<String>? = nil, levels: Set<String>? = nil, validity: Validity = .any) {
        self.lawIDs = lawIDs
        self.categories = categories
        self.levels = levels
        self.validity = validity
    }

    /// Whether a law passes.
    func admits(_ metadata: LawMetadata) -> Bool {
        if let lawIDs, !lawIDs.contains(metadata.id) { return false }
        if let categories, !categories.contains(metadata.category ?? "") { return false }
        if let levels, !levels.contains(metadata.level ?? "") { return false }
        switch validity {
        case .any: return true
        case .currentOnly: return !metadata.isExpired
        case .expiredOnly: return metadata.isExpired
        }
    }
}

/// One result: an article with where it stands and why it matched.
public struct SearchHit: Hashable, Sendable, Codable {
    /// How the hit matched the query.
    public enum Match: String, Hashable, Sendable, Codable {
        /// The query was a citation of this article.
        case citation
        /// Every required term matched.
        case allTerms
        /// Only some words matched (shown after the full matches when those are few).
        case someTerms
    }

    /// The law's metadata id.
    public var lawID: String
    /// The law's full title.
    public var lawTitle: String
    /// The article label, 第二百六十四条.
    public var articleLabel: String
    /// The article number.
    public var article: ArticleNumber
    /// 编/章/节 titles, outermost first.
    public var headingPath: [String]
    /// Relevance score (higher is better; a citation hit is above every other hit).
    public var score: Double
    /// How it matched.
    public var match: Match
    /// An excerpt with the matched words marked.
    public var snippet: Snippet
    /// The internal document number, for ``SearchIndex/articleText(document:)``.
    public var document: Int
}

/// An excerpt of an article with highlight ranges.
public struct Snippet: Hashable, Sendable, Codable {
    /// The excerpt (with … where text was cut).
    public var text: String
    /// Ranges of matched words in ``text``, in UTF-16 code units (what a browser's string offsets count).
    public var highlights: [Range<Int>]

    /// The excerpt with each highlight wrapped in «».
    public var marked: String {
        var result = ""
        let units = Array(text.utf16)
        var cursor = 0
        for range in highlights {
            result += String(decoding: units[cursor..<range.lowerBound], as: UTF16.self)
            result += "«" + String(decoding: units[range], as: UTF16.self) + "»"
            cursor = range.upperBound
        }
        return result + String(decoding: units[cursor...], as: UTF16.self)
    }
}
