extension SearchIndex {
    /// Searches the index.
    ///
    /// A query that is a citation (刑法第264条, 刑诉法174条 …) answers with that article first; the rest of the results
    /// come from the query language (``QueryParser``): hits matching every term, then, when those are fewer than
    /// ``Configuration/partialMatchesBelow``, hits matching only some words (``SearchHit/Match/someTerms``).
    /// - Parameters:
    ///   - query: what the user typed.
    ///   - filters: laws to consider.
    ///   - limit: maximum number of hits.
    /// - Returns: hits, best first.
    public func search(_ query: String, filters: SearchFilters = .init(), limit: Int = 10) -> [SearchHit] {
        guard limit > 0 else { return [] }
        var hits: [SearchHit] = []
        let admitted = admittedDocuments(filters)
        var citationDocument: Int?
        if let citation = citationParser.parseQuery(query), let document = resolve(citation), admitted.contains(document) {
            citationDocument = document
        }
        let plan = QueryPlan(QueryParser.parse(query), segmenter: segmenter, vocabulary: vocabulary)
        var cache: [QueryPlan.Piece: DocumentSet] = [:]
        var strict = DocumentSet(count: articles.count, full: !plan.clauses.isEmpty)
        for clause in plan.clauses {
            var alternatives = DocumentSet(count: articles.count)
            for term in clause { alternatives.formUnion(documents(matching: term, cache: &cache)) }
            strict.formIntersection(alternatives)
        }
        strict.formIntersection(admitted)
        var excluded = DocumentSet(count: articles.count)
        for term in plan.excluded { excluded.formUnion(documents(matching: term, cache: &cache)) }
        strict.subtract(excluded)
        if let citationDocument {
            hits.append(makeHit(citationDocument, score: Double.greatestFiniteMagnitude, match: .citation, plan: plan))
        }
        let strictRanked = rank(strict, plan: plan, coordination: nil, cache: &cache, limit: limit, skipping: citationDocument)
        hits += strictRanked.map { makeHit($0.document, score: $0.score, match: .allTerms, plan: plan) }
        if hits.count < min(limit, configuration.partialMatchesBelow), plan.positivePieces.count > 1 {
            // Candidates come from the selective pieces only (in at most 5% of articles; else the rarest one): a word
            // like 不得 or 个月 alone would make most of the corpus a candidate. Every piece still counts in the score.
            let sets = plan.positivePieces.map { documents(matching: $0, cache: &cache) }
            let sizes = sets.map(\.cardinality)
            var relaxed = DocumentSet(count: articles.count)
            for (set, size) in zip(sets, sizes) where size * 20 <= articles.count { relaxed.formUnion(set) }
            if relaxed.isEmpty, let rarest = sizes.indices.min(by: { sizes[$0] < sizes[$1] }) { relaxed = sets[rarest] }
            relaxed.formIntersection(admitted)
            relaxed.subtract(excluded)
            relaxed.subtract(strict)
            let ranked = rank(relaxed, plan: plan, coordination: plan.positivePieces, cache: &cache, limit: limit - hits.count, skipping: citationDocument)
            hits += ranked.map { makeHit($0.document, score: $0.score, match: .someTerms, plan: plan) }
        }
        return Array(hits.prefix(limit))
    }

    /// Documents whose law passes the filters.
    func admittedDocuments(_ filters: SearchFilters) -> DocumentSet {
        if filters == SearchFilters() { return DocumentSet(count: articles.count, full: true) }
        var set = DocumentSet(count: articles.count)
        for law in laws where filters.admits(law.metadata) { set.insert(law.documents) }
        return set
    }

    private func documents(matching term: QueryPlan.Term, cache: inout [QueryPlan.Piece: DocumentSet]) -> DocumentSet {
        var result = DocumentSet(count: articles.count, full: true)
        for piece in term.pieces { result.formIntersection(documents(matching: piece, cache: &cache)) }
        return result
    }

    /// Articles containing a piece in their text, or under a title or heading containing it.
    func documents(matching piece: QueryPlan.Piece, cache: inout [QueryPlan.Piece: DocumentSet]) -> DocumentSet {
        if let cached = cache[piece] { return cached }
        var set = DocumentSet(count: articles.count)
        switch piece {
        case .token(let key, _):
            for posting in postings.postings(key) { set.insert(Int(postings.postingDocument[posting])) }
        case .substring(let scalars):
            addTextMatches(scalars, into: &set)
        case .anyOf(let alternatives):
            for scalars in alternatives { addTextMatches(scalars, into: &set) }
        case .law(let scalars, let named):
            addTextMatches(scalars, into: &set)
            for law in named { set.insert(laws[law].documents) }
        }
        cache[piece] = set
        return set
    }

    /// Articles containing `scalars` in their text, title, headings or keywords.
    private func addTextMatches(_ scalars: [UInt32], into set: inout DocumentSet) {
        addSubstringMatches(scalars, into: &set)
        for field in titles.fields(containing: scalars) { set.insert(titles.documents(of: field)) }
        for field in headings.fields(containing: scalars) { set.insert(headings.documents(of: field)) }
        for field in keywords.fields(containing: scalars) { set.insert(keywords.documents(of: field)) }
    }

    /// Articles whose text contains `scalars` contiguously: one unigram list, or bigram lists checked at consecutive offsets.
    private func addSubstringMatches(_ scalars: [UInt32], into set: inout DocumentSet) {
        if scalars.count == 1 {
            for posting in postings.postings(PostingStore.unigramKey(scalars[0])) { set.insert(Int(postings.postingDocument[posting])) }
            return
        }
        let lists = (0..<(scalars.count - 1)).map { postings.postings(PostingStore.bigramKey(scalars[$0], scalars[$0 + 1])) }
        guard lists.allSatisfy({ !$0.isEmpty }) else { return }
        if lists.count == 1 {
            for posting in lists[0] { set.insert(Int(postings.postingDocument[posting])) }
            return
        }
        // Intersect the bigram lists as bitmaps, then check offsets only in the articles holding every bigram,
        // walking each list with a cursor (both sides are sorted by document).
        var common = DocumentSet(count: articles.count)
        for posting in lists[0] { common.insert(Int(postings.postingDocument[posting])) }
        for list in lists.dropFirst() {
            var members = DocumentSet(count: articles.count)
            for posting in list { members.insert(Int(postings.postingDocument[posting])) }
            common.formIntersection(members)
        }
        var cursors = lists.map(\.lowerBound)
        common.forEach { document in
            let target = UInt32(document)
            for index in lists.indices {
                while postings.postingDocument[cursors[index]] < target { cursors[index] += 1 }
            }
            let first = cursors[0]
            let start = Int(postings.positionStart[first])
            positions: for offset in start..<(start + Int(postings.postingFrequency[first])) {
                let position = postings.positions[offset]
                for index in 1..<lists.count where !postings.hasPosition(cursors[index], position + UInt32(index)) { continue positions }
                set.insert(document)
                break
            }
        }
    }
}
