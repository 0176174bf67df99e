/// A parsed law, regulation or judicial interpretation: its title, metadata lines and articles.
public struct LawDocument: Sendable, Hashable {
    /// The title from the first line (`# 中华人民共和国刑法`).
    public var title: String
    /// The lines between the title and `<!-- INFO END -->`: adoption and amendment dates, effective date, status.
    public var metadata: [String]
    /// The articles in source order.
    public var articles: [LawArticle]
    /// Text outside every article (preamble, appendices, notes) with the heading it stood under, kept rather than dropped.
    public var looseParagraphs: [LooseParagraph]
    /// Lines the parser tolerated (known typos) or could not place.
    public var issues: [LawParseIssue]

    /// Creates a document.
    public init(
        title: String, metadata: [String] = [], articles: [LawArticle] = [], looseParagraphs: [LooseParagraph] = [],
        issues: [LawParseIssue] = []
    ) {
        self.title = title
        self.metadata = metadata
        self.articles = articles
        self.looseParagraphs = looseParagraphs
        self.issues = issues
    }

    /// The article with this number, if the law has it.
    public func article(_ number: ArticleNumber) -> LawArticle? {
        articles.first { $0.articleNumber == number }
    }

    /// A paragraph that belongs to no article.
    public struct LooseParagraph: Sendable, Hashable {
        /// The 编/章/节 (or appendix) headings above it.
        public var headingPath: [String]
        /// The paragraph text.
        public var text: String
        /// 1-based line number in the source.
        public var line: Int
    }
}

/// One article (条) with its paragraphs (款) and items (项).
public struct LawArticle: Sendable, Hashable {
    /// The main number: 264 for 第二百六十四条.
    public var number: Int
    /// The insertion suffix: 1 for 之一, 0 for none.
    public var suffix: Int
    /// The normalised label, 第二百六十四条 or 第一百三十三条之一.
    public var label: String
    /// The titles of the 编, 章 and 节 that contain the article, outermost first.
    public var headingPath: [String]
    /// The paragraphs (款); each may carry items (项).
    public var paragraphs: [LawParagraph]
    /// 1-based line number of the article's first line in the source.
    public var line: Int

    /// Creates an article; the label is derived from number and suffix.
    public init(number: Int, suffix: Int = 0, headingPath: [String] = [], paragraphs: [LawParagraph] = [], line: Int = 0) {
        self.number = number
        self.suffix = suffix
        self.label = ArticleNumber(number, suffix: suffix).label
        self.headingPath = headingPath
        self.paragraphs = paragraphs
        self.line = line
    }

    /// Number and suffix together.
    public var articleNumber: ArticleNumber { ArticleNumber(number, suffix: suffix) }

    /// The article's text: paragraphs and items, one per line, without the label.
    public var text: String {
        paragraphs.map { paragraph in ([paragraph.text] + paragraph.items).joined(separator: "\n") }.joined(separator: "\n")
    }
}

/// A paragraph (款): its own sentence(s) and the items (项, lines such as （一）…) that follow it.
public struct LawParagraph: Sendable, Hashable {
    /// The paragraph's text.
    public var text: String
    /// The items under the paragraph, each with its （一） marker.
    public var items: [String]

    /// Creates a paragraph.
    public init(text: String, items: [String] = []) {
        self.text = text
        self.items = items
    }
}

/// A line the parser tolerated or could not place.
public struct LawParseIssue: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate let code: String
        /// A space inside the article label (第一百二十八 条), accepted.
        public static let spaceInsideLabel = Kind(code: "space-inside-label")
        /// An article label with no space after it, accepted because its number was the next one expected.
        public static let missingSpaceAfterLabel = Kind(code: "missing-space-after-label")
        /// An article number that does not follow the previous one (kept, in source order).
        public static let outOfSequence = Kind(code: "out-of-sequence")
        /// The same article number twice (both kept).
        public static let duplicateArticle = Kind(code: "duplicate-article")
        /// No `<!-- INFO END -->` line: metadata could not be told from the body.
        public static let missingInfoEnd = Kind(code: "missing-info-end")
        /// No `# title` line.
        public static let missingTitle = Kind(code: "missing-title")
        /// An item line (（一）…) before any paragraph of its article.
        public static let itemWithoutParagraph = Kind(code: "item-without-paragraph")
        public var description: String { code }
    }

    /// What happened.
    public var kind: Kind
    /// 1-based line number.
    public var line: Int
    /// The line's text.
    public var text: String

    public var description: String { "line \(line) [\(kind)]: \(text.prefix(60))" }
}
