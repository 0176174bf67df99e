extension SearchIndex {
    /// The document of a cited article, or `nil` when the law or the article is not in the index.
    ///
    /// The law is found by full title (from the abbreviations table), by the name as written, by 中华人民共和国 + name,
    /// and last by the shortest title containing the name; among several versions the one in force and then the latest
    /// publication wins.
    public func resolve(_ citation: Citation) -> Int? {
        guard let article = citation.article else { return nil }
        // A code split over files (民法典) shares one title: take the first candidate that has the article.
        return candidateLaws(citation).lazy.compactMap { self.laws[$0].articles[article] }.first
    }

    /// Laws a citation may name, best first.
    func candidateLaws(_ citation: Citation) -> [Int] {
        var names: [String] = []
        if let title = citation.lawTitle { names.append(title) }
        if let name = citation.lawName { names += [name, "中华人民共和国" + name] }
        for name in names {
            if let candidates = lawsByTitle[Self.titleKey(name)] { return preferred(candidates) }
        }
        guard let name = citation.lawName, name.unicodeScalars.count >= 2 else { return [] }
        let containing = titles.fields(containing: TextNormalizer.normalize(name))
        guard let shortest = containing.map({ laws[$0].title.count }).min() else { return [] }
        return preferred(containing.filter { laws[$0].title.count == shortest })
    }

    private func preferred(_ candidates: [Int]) -> [Int] { Self.preferred(candidates, among: laws) }

    /// Laws in force first, then the latest publication.
    static func preferred(_ candidates: [Int], among laws: [Law]) -> [Int] {
        candidates.sorted { lhs, rhs in
            let left = laws[lhs].metadata
            let right = laws[rhs].metadata
            if left.isExpired != right.isExpired { return !left.isExpired }
            return (left.publishDate ?? "") > (right.publishDate ?? "")
        }
    }

    /// The hit for a citation (the article it names), without searching.
    public func lookUp(_ citation: Citation) -> SearchHit? {
        guard let document = resolve(citation) else { return nil }
        return makeHit(document, score: 0, match: .citation, plan: .empty)
    }

    /// The hit describing an indexed article (for article views and citation links), without a query.
    public func articleHit(document: Int) -> SearchHit? {
        guard document >= 0, document < articles.count else { return nil }
        return makeHit(document, score: 0, match: .allTerms, plan: .empty)
    }
}

extension SearchIndex {
    /// The document number of an article, given its law's metadata id.
    public func document(lawID: String, article: ArticleNumber) -> Int? {
        laws.first { $0.metadata.id == lawID }?.articles[article]
    }
}
