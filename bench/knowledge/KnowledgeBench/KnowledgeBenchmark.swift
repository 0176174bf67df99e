import Foundation
import Search

/// Runs the measurements and formats the report.
struct KnowledgeBenchmark {
    let arguments: BenchArguments

    func run() throws -> String {
        var lines: [String] = []
        let dictionaryURL = URL(fileURLWithPath: arguments.dictionaries)
        let (textDictionary, textLoad) = try measure {
            try WordDictionary.load(textFiles: WordDictionary.shippedFileNames.map { dictionaryURL.appendingPathComponent($0) })
        }
        lines.append(String(format: "dictionary: %d words, text load %.0f ms", textDictionary.wordCount, textLoad * 1000))
        var dictionary = textDictionary
        if let cache = arguments.cache {
            let cacheURL = URL(fileURLWithPath: cache)
            try textDictionary.writeCache(to: cacheURL)
            let (cached, cacheLoad) = try measure { try WordDictionary(cacheAt: cacheURL) }
            dictionary = cached
            let size = (try? FileManager.default.attributesOfItem(atPath: cache)[.size] as? Int) ?? 0
            lines.append(String(format: "dictionary: binary cache load %.1f ms (%.1f MiB)", cacheLoad * 1000, Double(size) / 1048576))
        }
        let segmenter = Segmenter(dictionary: dictionary)
        let metadata = try CorpusMetadata(tsvPath: arguments.metadata)
        let (files, parseTime) = try measure { try LawMarkdownParser().parseDirectory(at: URL(fileURLWithPath: arguments.corpus)) }
        let articleCount = files.reduce(0) { $0 + $1.document.articles.count }
        let issues = files.reduce(0) { $0 + $1.document.issues.count }
        lines.append(String(format: "parse: %d files, %d articles, %d issues reported, %.2f s", files.count, articleCount, issues, parseTime))
        if ProcessInfo.processInfo.environment["BENCH_SHOW_ISSUES"] != nil {
            for file in files where !file.document.issues.isEmpty {
                for issue in file.document.issues { lines.append("  issue \(file.relativePath): \(issue)") }
            }
            for file in files { lines.append("  count\t\(file.relativePath)\t\(file.document.articles.count)") }
        }
        let input = files.map { (document: $0.document, metadata: metadata.metadata(forRelativePath: $0.relativePath, title: $0.document.title)) }
        lines.append("metadata: \(input.filter { $0.metadata.level != nil }.count)/\(input.count) files matched to metadata.sqlite3")
        var configuration = SearchIndex.Configuration()
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["BENCH_TITLE"].flatMap(Double.init) { configuration.titleBoost = value }
        if let value = environment["BENCH_HEADING"].flatMap(Double.init) { configuration.headingBoost = value }
        if let value = environment["BENCH_BIGRAM"].flatMap(Double.init) { configuration.bigramWeight = value }
        if let value = environment["BENCH_NAMED"].flatMap(Double.init) { configuration.namedLawBoost = value }
        if let value = environment["BENCH_PARTIAL_BELOW"].flatMap(Int.init) { configuration.partialMatchesBelow = value }
        if let value = environment["BENCH_LAW_LEVEL"].flatMap(Double.init) { configuration.levelFactors["法律"] = value }
        if let value = environment["BENCH_SPC_LEVEL"].flatMap(Double.init) { configuration.levelFactors["司法解释"] = value }
        let keywords = try arguments.laws.map {
            try ArticleKeywords.loadCriminalLawCharges(csvAt: URL(fileURLWithPath: $0).appendingPathComponent("criminal-law-articles-with-charges.csv"))
        } ?? []
        lines.append("keywords: \(keywords.count) Criminal Law articles with charge names")
        let (index, buildTime) = measure { SearchIndex(laws: input, segmenter: segmenter, configuration: configuration, keywords: keywords) }
        let snapshotURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("knowledge-bench-\(getpid()).snapshot")
        defer { try? FileManager.default.removeItem(at: snapshotURL) }
        let (_, writeTime) = try measure { try index.writeSnapshot(to: snapshotURL) }
        let (_, loadTime) = try measure { _ = try SearchIndex(snapshotAt: snapshotURL, segmenter: segmenter, configuration: configuration) }
        let snapshotSize = (try? FileManager.default.attributesOfItem(atPath: snapshotURL.path)[.size] as? Int) ?? 0
        lines.append(
            String(
                format: "snapshot: %.0f MiB, write %.2f s, load %.2f s (against %.2f s to parse and build)", Double(snapshotSize) / 1048576,
                writeTime, loadTime, parseTime + buildTime))
        let memory = memoryMiB()
        lines.append(
            String(
                format: "index: %d articles, %d terms, build %.2f s (parse + build %.2f s); RSS %.0f MiB, peak %.0f MiB", index.articleCount,
                index.termCount, buildTime, parseTime + buildTime, memory.current, memory.peak))
        for query in arguments.show {
            lines.append("query: \(query)")
            for hit in index.search(query, limit: 8) {
                lines.append(String(format: "  %8.3f %@ %@%@ [%@] %@", hit.score, "\(hit.match)", hit.lawTitle, hit.articleLabel, hit.headingPath.joined(separator: "/"), hit.snippet.marked))
            }
        }
        if let lawsDirectory = arguments.laws {
            let sample = files.prefix(400).flatMap { $0.document.articles.map(\.text) }
            lines += try SegmentationComparison(segmenter: segmenter, lawsDirectory: URL(fileURLWithPath: lawsDirectory)).report(corpusArticles: sample)
        }
        if let holdoutPath = arguments.holdout {
            let queries = try BenchQuery.load(holdoutPath)
            lines.append("held-out set: " + Evaluation(index: index, queries: queries, runs: 0, resultsOut: nil).relevance())
        }
        if let queriesPath = arguments.queries {
            let queries = try BenchQuery.load(queriesPath)
            lines += Evaluation(index: index, queries: queries, runs: arguments.runs, resultsOut: arguments.resultsOut).report()
        }
        return lines.joined(separator: "\n")
    }
}

/// Corpus metadata exported from metadata.sqlite3 as TSV: id, name, level, category, expired, publish, folder.
struct CorpusMetadata {
    private var byFile: [String: LawMetadata] = [:]

    init(tsvPath: String) throws {
        let text = try String(contentsOfFile: tsvPath, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7 else { continue }
            let metadata = LawMetadata(
                id: fields[0], category: fields[3], level: fields[2], isExpired: fields[4] == "1", publishDate: fields[5].isEmpty ? nil : fields[5])
            let folder = fields[6]
            byFile[folder + "/" + fields[1] + "(" + fields[5] + ").md"] = metadata
            if byFile[folder + "/" + fields[1] + ".md"] == nil { byFile[folder + "/" + fields[1] + ".md"] = metadata }
        }
    }

    func metadata(forRelativePath path: String, title: String) -> LawMetadata {
        byFile[path] ?? LawMetadata(id: path)
    }
}
