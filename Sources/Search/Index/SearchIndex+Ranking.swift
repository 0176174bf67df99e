import Foundation

extension SearchIndex {
    /// A scored document.
    struct Ranked {
        var document: Int
        var score: Double
    }

    /// Scores the candidates and keeps the best `limit`.
    ///
    /// score = Σ words BM25 + bigramWeight · Σ bigrams BM25 + title and heading boosts, times `expiredFactor` for expired
    /// laws; in relaxed mode also times the share of query pieces the article contains.
    func rank(
        _ candidates: DocumentSet, plan: QueryPlan, coordination: [QueryPlan.Piece]?, cache: inout [QueryPlan.Piece: DocumentSet], limit: Int,
        skipping skipped: Int?
    ) -> [Ranked] {
        guard limit > 0, !candidates.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: articles.count)
        // Few candidates: look each up in the postings instead of walking long posting lists.
        let size = candidates.cardinality
        var list: [Int]? = nil
        if size * 16 < articles.count {
            var members: [Int] = []
            members.reserveCapacity(size)
            candidates.forEach { members.append($0) }
            list = members
        }
        accumulate(plan.wordKeys, weight: 1, lengths: documentWordCount, average: averageWordCount, candidates: candidates, list: list, into: &scores)
        accumulate(
            plan.bigramKeys, weight: configuration.bigramWeight, lengths: documentCharacterCount, average: averageCharacterCount,
            candidates: candidates, list: list, into: &scores)
        for piece in plan.positivePieces {
            switch piece {
            case .substring(let scalars):
                boost(fields: titles, scalars, weight: configuration.titleBoost, candidates: candidates, into: &scores)
                boost(fields: headings, scalars, weight: configuration.headingBoost, candidates: candidates, into: &scores)
            case .anyOf(let alternatives):
                for scalars in alternatives {
                    boost(fields: headings, scalars, weight: configuration.headingBoost, candidates: candidates, into: &scores)
                }
            case .law(_, let named):
                for law in named {
                    for document in laws[law].documents where candidates.contains(document) { scores[document] += configuration.namedLawBoost }
                }
            case .token:
                break
            }
        }
        var pieceSets: [DocumentSet] = []
        if let coordination {
            pieceSets = coordination.map { documents(matching: $0, cache: &cache) }
        }
        var heap = TopScores(capacity: limit)
        candidates.forEach { document in
            guard document != skipped else { return }
            var score = scores[document]
            score *= documentFactor[document]
            if !pieceSets.isEmpty {
                let matched = pieceSets.reduce(0) { $0 + ($1.contains(document) ? 1 : 0) }
                let share = Double(matched) / Double(pieceSets.count)
                score *= share * share
            }
            heap.offer(Ranked(document: document, score: score))
        }
        return heap.sorted()
    }

    private func accumulate(
        _ keys: [UInt64], weight: Double, lengths: [Float], average: Double, candidates: DocumentSet, list: [Int]?, into scores: inout [Double]
    ) {
        let documentCount = Double(articles.count)
        let k1 = configuration.k1
        let b = configuration.b
        for key in keys {
            let range = postings.postings(key)
            guard !range.isEmpty else { continue }
            let frequency = Double(range.count)
            let idf = log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5)) * weight
            if let list, list.count * 16 < range.count {
                for document in list {
                    guard let posting = postings.posting(of: UInt32(document), in: range) else { continue }
                    let tf = Double(postings.postingFrequency[posting])
                    let norm = k1 * (1 - b + b * Double(lengths[document]) / average)
                    scores[document] += idf * tf * (k1 + 1) / (tf + norm)
                }
                continue
            }
            for posting in range {
                let document = Int(postings.postingDocument[posting])
                guard candidates.contains(document) else { continue }
                let tf = Double(postings.postingFrequency[posting])
                let norm = k1 * (1 - b + b * Double(lengths[document]) / average)
                scores[document] += idf * tf * (k1 + 1) / (tf + norm)
            }
        }
    }

    /// Adds `weight` times the piece's body IDF to articles under a title or heading containing it: a field match counts
    /// about as much as one occurrence in the text, however rare the title is.
    private func boost(fields: FieldMatcher, _ scalars: [UInt32], weight: Double, candidates: DocumentSet, into scores: inout [Double]) {
        guard weight > 0, scalars.count >= 2 else { return }
        let matched = fields.fields(containing: scalars)
        guard !matched.isEmpty else { return }
        let documentCount = Double(articles.count)
        var frequency = Double(postings.postings(ScalarHash.of(scalars)).count)
        if frequency == 0 { frequency = Double(matched.reduce(0) { $0 + fields.documents(of: $1).count }) }
        let idf = log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5))
        for field in matched {
            for document in fields.documents(of: field) where candidates.contains(document) { scores[document] += weight * idf }
        }
    }

    /// Builds the public hit for a document.
    func makeHit(_ document: Int, score: Double, match: SearchHit.Match, plan: QueryPlan) -> SearchHit {
        let article = articles[document]
        let law = laws[article.law]
        let needles = plan.positivePieces.flatMap(\.highlights)
        return SearchHit(
            lawID: law.metadata.id, lawTitle: law.title, articleLabel: article.label, article: article.article, headingPath: article.headingPath,
            score: score, match: match, snippet: SnippetBuilder.snippet(of: article.text, marking: needles), document: document)
    }
}

/// A bounded min-heap keeping the best scores; ties go to the lower document number (source order).
struct TopScores {
    private var items: [SearchIndex.Ranked] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    private static func worse(_ lhs: SearchIndex.Ranked, _ rhs: SearchIndex.Ranked) -> Bool {
        lhs.score < rhs.score || (lhs.score == rhs.score && lhs.document > rhs.document)
    }

    mutating func offer(_ item: SearchIndex.Ranked) {
        if items.count < capacity {
            items.append(item)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(items[child], items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        } else if Self.worse(items[0], item) {
            items[0] = item
            var parent = 0
            while true {
                let left = parent * 2 + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, Self.worse(items[left], items[smallest]) { smallest = left }
                if right < items.count, Self.worse(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    func sorted() -> [SearchIndex.Ranked] { items.sorted { Self.worse($1, $0) } }
}
