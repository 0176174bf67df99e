/// A reference to a provision: a law (or "this law"), an article, and optionally a paragraph (款) and item (项).
public struct Citation: Hashable, Sendable {
    /// The law's name as written (刑诉法, 中华人民共和国刑事诉讼法); `nil` when the text means the law it stands in (本法, or a bare 第X条).
    public var lawName: String?
    /// The law's full title when the abbreviations table knows the name (刑诉法 → 中华人民共和国刑事诉讼法).
    public var lawTitle: String?
    /// The article; `nil` when the text means the article it stands in (本条第二款, 前款).
    public var article: ArticleNumber?
    /// The paragraph (款), when given.
    public var paragraph: Int?
    /// The item (项), when given.
    public var item: Int?
    /// For 前款 / 前两款: how many paragraphs before the current one are meant; for 前条: 1 with ``isPrecedingArticle``.
    public var precedingCount: Int?
    /// Whether the text said 前条 (the article before this one).
    public var isPrecedingArticle: Bool
    /// Offsets in the input's unicode scalars.
    public var range: Range<Int>

    /// Creates a citation.
    public init(
        lawName: String? = nil, lawTitle: String? = nil, article: ArticleNumber? = nil, paragraph: Int? = nil, item: Int? = nil,
        precedingCount: Int? = nil, isPrecedingArticle: Bool = false, range: Range<Int> = 0..<0
    ) {
        self.lawName = lawName
        self.lawTitle = lawTitle
        self.article = article
        self.paragraph = paragraph
        self.item = item
        self.precedingCount = precedingCount
        self.isPrecedingArticle = isPrecedingArticle
        self.range = range
    }

    /// Whether the citation names another law than the one it stands in.
    public var namesALaw: Bool { lawName != nil }
}
