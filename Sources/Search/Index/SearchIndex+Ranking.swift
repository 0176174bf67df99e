import Foundation

extension SearchIndex {
    /// A scored document.
    struct Ranked {
        var document: Int
        var score: Double
    }

    /// Scores the candidates and keeps the best `limit`.
    ///
    /// score = Σ words BM25 + bigramWeight · Σ bigrams BM25 + title and heading boosts, times the level and expired
    /// factors; in relaxed mode also times the square of the share of query pieces the article contains.
    func rank(
        _ candidates: DocumentSet, plan: QueryPlan, coordination: [QueryPlan.Piece]?, cache: inout [QueryPlan.Piece: DocumentSet], limit: Int,
        skipping skipped: Int?
    ) -> [Ranked] {
        guard limit > 0, !candidates.isEmpty else { return [] }
        // Scores live in an array parallel to the sorted candidate list, so no corpus-sized buffer is allocated.
        var list: [Int] = []
        list.reserveCapacity(candidates.cardinality)
        candidates.forEach { list.append($0) }
        var scores = [Double](repeating: 0, count: list.count)
        accumulate(plan.wordKeys, weight: 1, lengths: documentWordCount, average: averageWordCount, list: list, into: &scores)
        // Bigrams in more than a tenth of the articles add little but cost long posting walks: skip them.
        let selectiveBigrams = plan.bigramKeys.filter { postings.postings($0).count * 10 <= articles.count }
        accumulate(
            selectiveBigrams, weight: configuration.bigramWeight, lengths: documentCharacterCount, average: averageCharacterCount, list: list,
            into: &scores)
        for piece in plan.positivePieces {
            switch piece {
            case .substring(let scalars):
                boost(fields: titles, scalars, weight: configuration.titleBoost, list: list, into: &scores)
                boost(fields: headings, scalars, weight: configuration.headingBoost, list: list, into: &scores)
                boost(fields: keywords, scalars, weight: configuration.keywordBoost, list: list, into: &scores)
            case .anyOf(let alternatives):
                for scalars in alternatives {
                    boost(fields: headings, scalars, weight: configuration.headingBoost, list: list, into: &scores)
                    boost(fields: keywords, scalars, weight: configuration.keywordBoost, list: list, into: &scores)
                }
            case .law(_, let named):
                for law in named { add(configuration.namedLawBoost, to: laws[law].documents, list: list, into: &scores) }
            case .token:
                break
            }
        }
        let pieceSets = coordination.map { $0.map { documents(matching: $0, cache: &cache) } } ?? []
        var heap = TopScores(capacity: limit)
        for (slot, document) in list.enumerated() where document != skipped {
            var score = scores[slot] * documentFactor[document]
            if !pieceSets.isEmpty {
                let matched = pieceSets.reduce(0) { $0 + ($1.contains(document) ? 1 : 0) }
                let share = Double(matched) / Double(pieceSets.count)
                score *= share * share
            }
            heap.offer(Ranked(document: document, score: score))
        }
        return heap.sorted()
    }

    /// Adds each key's BM25 to the candidates: a merge of two sorted lists, or binary searches when the posting list is
    /// much longer than the candidate list.
    private func accumulate(_ keys: [UInt64], weight: Double, lengths: [Float], average: Double, list: [Int], into scores: inout [Double]) {
        let documentCount = Double(articles.count)
        let k1 = configuration.k1
        let b = configuration.b
        for key in keys {
            let range = postings.postings(key)
            guard !range.isEmpty else { continue }
            let frequency = Double(range.count)
            let idf = log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5)) * weight
            func add(_ slot: Int, _ posting: Int) {
                let document = list[slot]
                let tf = Double(postings.postingFrequency[posting])
                let norm = k1 * (1 - b + b * Double(lengths[document]) / average)
                scores[slot] += idf * tf * (k1 + 1) / (tf + norm)
            }
            if list.count * 16 < range.count {
                for slot in list.indices {
                    if let posting = postings.posting(of: UInt32(list[slot]), in: range) { add(slot, posting) }
                }
            } else {
                var slot = 0
                var posting = range.lowerBound
                while slot < list.count, posting < range.upperBound {
                    let document = Int(postings.postingDocument[posting])
                    if document == list[slot] {
                        add(slot, posting)
                        slot += 1
                        posting += 1
                    } else if document < list[slot] {
                        posting += 1
                    } else {
                        slot += 1
                    }
                }
            }
        }
    }

    /// Adds `weight` times the piece's body IDF to articles under a title or heading containing it: a field match counts
    /// about as much as one occurrence in the text, however rare the title is.
    private func boost(fields: FieldMatcher, _ scalars: [UInt32], weight: Double, list: [Int], into scores: inout [Double]) {
        guard weight > 0, scalars.count >= 2 else { return }
        let matched = fields.fields(containing: scalars)
        guard !matched.isEmpty else { return }
        let documentCount = Double(articles.count)
        var frequency = Double(postings.postings(ScalarHash.of(scalars)).count)
        if frequency == 0 { frequency = Double(matched.reduce(0) { $0 + fields.documents(of: $1).count }) }
        let idf = log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5))
        for field in matched { add(weight * idf, to: fields.documents(of: field), list: list, into: &scores) }
    }

    /// Adds a value to the candidates inside a document range.
    private func add(_ value: Double, to documents: Range<Int>, list: [Int], into scores: inout [Double]) {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] < documents.lowerBound { low = middle + 1 } else { high = middle }
        }
        var slot = low
        while slot < list.count, list[slot] < documents.upperBound {
            scores[slot] += value
            slot += 1
        }
    }

    /// Builds the public hit for a document.
    func makeHit(_ document: Int, score: Double, match: SearchHit.Match, plan: QueryPlan) -> SearchHit {
        let article = articles[document]
        let law = laws[article.law]
        let needles = plan.positivePieces.flatMap(\.highlights)
        return SearchHit(
            lawID: law.metadata.id, lawTitle: law.title, articleLabel: article.label, article: article.article, headingPath: article.headingPath,
            score: score, match: match, snippet: SnippetBuilder.snippet(of: content.articleScalars[content.articleStart[document]..<content.articleStart[document + 1]], marking: needles), document: document)
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
