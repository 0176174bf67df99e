extension SearchIndex {
    /// Builds the corpus-wide citation graph: for every indexed article, the indexed articles it cites (in its own law
    /// or, resolved by title and abbreviation, in another) and the articles citing it.
    /// - Parameter documents: the documents the index was built from, in the same order.
    public func citationGraph(of documents: [LawDocument]) -> CitationGraph {
        var cites = [[Int]](repeating: [], count: articles.count)
        var citedBy = [[Int]](repeating: [], count: articles.count)
        for (lawIndex, document) in documents.enumerated() where lawIndex < laws.count {
            let graph = LawReferenceGraph(document: document, parser: citationParser)
            for (article, references) in graph.references {
                guard let source = laws[lawIndex].articles[article] else { continue }
                var targets: [Int] = []
                for reference in references {
                    let target: Int?
                    if let title = reference.lawTitle {
                        target = resolve(Citation(lawName: title, lawTitle: LawAbbreviations.fullTitle(for: title), article: reference.article))
                    } else {
                        target = laws[lawIndex].articles[reference.article]
                    }
                    if let target, target != source, !targets.contains(target) { targets.append(target) }
                }
                cites[source] = targets
                for target in targets { citedBy[target].append(source) }
            }
        }
        return CitationGraph(cites: cites, citedBy: citedBy.map { $0.sorted() })
    }
}

/// Article-to-article citations over the whole index, by document number (see ``SearchHit/document``).
public struct CitationGraph: Sendable {
    private let cites: [[Int]]
    private let citedBy: [[Int]]

    init(cites: [[Int]], citedBy: [[Int]]) {
        self.cites = cites
        self.citedBy = citedBy
    }

    /// The articles a document cites, in order of first mention.
    public func articlesCited(by document: Int) -> [Int] { document < cites.count ? cites[document] : [] }

    /// The articles that cite a document.
    public func articlesCiting(_ document: Int) -> [Int] { document < citedBy.count ? citedBy[document] : [] }

    /// Number of citation edges.
    public var edgeCount: Int { cites.reduce(0) { $0 + $1.count } }
}
