import Foundation
import Search

// KnowledgeBench: indexes the full corpus and reports build time, memory, relevance (recall@5, MRR) and latency.
// Usage: KnowledgeBench --corpus DIR --metadata FILE.tsv --dict DIR [--queries FILE.jsonl] [--cache FILE] [--runs N] [--json OUT]

let arguments = BenchArguments(CommandLine.arguments)
let report = try KnowledgeBenchmark(arguments: arguments).run()
print(report)
