/// Where a reference stands in its article: which paragraph (and item) and which characters.
public struct ReferenceLocation: Hashable, Sendable {
    /// 0-based index of the paragraph in ``LawArticle/paragraphs``.
    public var paragraph: Int
    /// 0-based index of the item in that paragraph, or `nil` for the paragraph's own text.
    public var item: Int?
    /// Offsets in the unicode scalars of that paragraph's (or item's) text: the span to turn into a link.
    public var range: Range<Int>
}

/// A reference from an article to a provision, resolved against the citing law.
public struct ArticleReference: Hashable, Sendable {
    /// The cited law's title; `nil` for the citing law itself.
    public var lawTitle: String?
    /// The cited article.
    public var article: ArticleNumber
    /// The cited paragraphs (款), 1-based; empty for the whole article. 前两款 in the third paragraph gives [1, 2].
    public var paragraphs: [Int]
    /// The cited item (项), if given.
    public var item: Int?
    /// Where the reference stands.
    public var location: ReferenceLocation
}

/// The references inside one law (法条联想): for every article, the provisions it cites, and the reverse.
///
/// 依照本法第X条, bare 第X条, 第X条第X款 and 前条 resolve within the law; 本条第X款 / 第X款 and 前款 / 前两款 to paragraphs of
/// the same article; a named law (刑法第X条, 《…》第X条) stays external with its title for the caller to resolve.
public struct LawReferenceGraph: Sendable {
    /// The law's title.
    public let title: String
    /// Every reference of every article, in text order.
    public let references: [ArticleNumber: [ArticleReference]]
    private let citing: [ArticleNumber: [ArticleNumber]]

    /// Finds and resolves the references of every article of a law.
    public init(document: LawDocument, parser: CitationParser = CitationParser()) {
        title = document.title
        var references: [ArticleNumber: [ArticleReference]] = [:]
        var citing: [ArticleNumber: [ArticleNumber]] = [:]
        var previousArticle: ArticleNumber?
        for article in document.articles {
            var found: [ArticleReference] = []
            for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
                let texts = [(nil as Int?, paragraph.text)] + paragraph.items.enumerated().map { (Optional($0.offset), $0.element) }
                for (itemIndex, text) in texts {
                    for citation in parser.references(in: text) {
                        let location = ReferenceLocation(paragraph: paragraphIndex, item: itemIndex, range: citation.range)
                        if let reference = Self.resolve(
                            citation, in: article.articleNumber, paragraphIndex: paragraphIndex, previousArticle: previousArticle,
                            lawTitle: document.title, location: location)
                        {
                            found.append(reference)
                        }
                    }
                }
            }
            references[article.articleNumber] = found
            for target in Set(found.filter { $0.lawTitle == nil && $0.article != article.articleNumber }.map(\.article)) {
                citing[target, default: []].append(article.articleNumber)
            }
            previousArticle = article.articleNumber
        }
        self.references = references
        self.citing = citing
    }

    /// The other articles of this law that an article cites, in order of first mention.
    public func articlesCited(by article: ArticleNumber) -> [ArticleNumber] {
        var seen: Set<ArticleNumber> = []
        return (references[article] ?? []).filter { $0.lawTitle == nil && $0.article != article }.map(\.article).filter { seen.insert($0).inserted }
    }

    /// The articles of this law that cite an article, in source order.
    public func articlesCiting(_ article: ArticleNumber) -> [ArticleNumber] {
        citing[article] ?? []
    }

    private static func resolve(
        _ citation: Citation, in current: ArticleNumber, paragraphIndex: Int, previousArticle: ArticleNumber?, lawTitle: String,
        location: ReferenceLocation
    ) -> ArticleReference? {
        let external = citation.lawName.map { citation.lawTitle ?? $0 }.flatMap { $0 == lawTitle ? nil : $0 }
        if citation.isPrecedingArticle {
            guard let previousArticle else { return nil }
            return ArticleReference(lawTitle: nil, article: previousArticle, paragraphs: [], item: nil, location: location)
        }
        if let count = citation.precedingCount {
            // 前款 in the third paragraph means the second; 前两款 the first and second.
            let current1Based = paragraphIndex + 1
            let paragraphs = Array(max(1, current1Based - count)..<current1Based)
            guard !paragraphs.isEmpty else { return nil }
            return ArticleReference(lawTitle: nil, article: current, paragraphs: paragraphs, item: nil, location: location)
        }
        let article = citation.article ?? current
        return ArticleReference(
            lawTitle: external, article: article, paragraphs: citation.paragraph.map { [$0] } ?? [], item: citation.item, location: location)
    }
}
