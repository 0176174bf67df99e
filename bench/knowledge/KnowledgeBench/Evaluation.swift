import Foundation
import Search

/// One query of the development set.
struct BenchQuery: Decodable {
    struct Relevant: Decodable, Hashable {
        var law: String
        var article: String
    }

    var query: String
    var relevant: [Relevant]

    static func load(_ path: String) throws -> [BenchQuery] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            try JSONDecoder().decode(BenchQuery.self, from: Data($0.utf8))
        }
    }
}

/// Relevance and latency over the query set.
struct Evaluation {
    let index: SearchIndex
    let queries: [BenchQuery]
    let runs: Int
    let resultsOut: String?

    /// recall@5 and MRR only.
    func relevance() -> String {
        var recallSum = 0.0
        var reciprocalSum = 0.0
        for query in queries {
            let keys = index.search(query.query, limit: 10).map { BenchQuery.Relevant(law: $0.lawTitle, article: $0.articleLabel) }
            let relevant = Set(query.relevant)
            recallSum += Double(Set(keys.prefix(5)).intersection(relevant).count) / Double(max(relevant.count, 1))
            if let rank = keys.firstIndex(where: relevant.contains) { reciprocalSum += 1 / Double(rank + 1) }
        }
        let count = Double(max(queries.count, 1))
        return String(format: "%d queries, recall@5 %.3f, MRR %.3f", queries.count, recallSum / count, reciprocalSum / count)
    }

    func report() -> [String] {
        var recallSum = 0.0
        var reciprocalSum = 0.0
        var perQuery: [String] = []
        for query in queries {
            let hits = index.search(query.query, limit: 10)
            let keys = hits.map { BenchQuery.Relevant(law: $0.lawTitle, article: $0.articleLabel) }
            let relevant = Set(query.relevant)
            let foundInTop5 = Set(keys.prefix(5)).intersection(relevant).count
            recallSum += Double(foundInTop5) / Double(max(relevant.count, 1))
            if let rank = keys.firstIndex(where: relevant.contains) { reciprocalSum += 1 / Double(rank + 1) }
            let top = keys.prefix(3).map { "\($0.law)\($0.article)" }.joined(separator: " | ")
            perQuery.append("\(query.query)\t\(foundInTop5)/\(relevant.count)\t\(top)")
        }
        var latencies: [Double] = []
        var cpuTimes: [Double] = []
        var perQueryTime = [Double](repeating: 0, count: queries.count)
        let (_, total) = measure {
            for _ in 0..<runs {
                for (number, query) in queries.enumerated() {
                    let cpuStart = threadCPUSeconds()
                    let (_, seconds) = measure { index.search(query.query, limit: 10) }
                    cpuTimes.append((threadCPUSeconds() - cpuStart) * 1000)
                    latencies.append(seconds * 1000)
                    perQueryTime[number] += seconds * 1000 / Double(runs)
                }
            }
        }
        if let resultsOut {
            let lines = zip(perQuery, perQueryTime).map { String(format: "%.3f ms\t", $1) + $0 }
            try? lines.joined(separator: "\n").write(toFile: resultsOut, atomically: true, encoding: .utf8)
        }
        latencies.sort()
        cpuTimes.sort()
        func percentile(_ p: Double, _ values: [Double]? = nil) -> Double {
            let values = values ?? latencies
            return values[min(values.count - 1, Int(Double(values.count) * p))]
        }
        let meanCPU = cpuTimes.reduce(0, +) / Double(max(cpuTimes.count, 1))
        // Two threads share the immutable index (the machine has two cores).
        let threads = 2
        let (_, parallelTotal) = measure {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                for _ in 0..<runs { for query in queries { _ = index.search(query.query, limit: 10) } }
            }
        }
        let parallelThroughput = Double(threads * runs * queries.count) / parallelTotal
        let count = Double(max(queries.count, 1))
        return [
            String(format: "relevance: %d queries, recall@5 %.3f, MRR %.3f", queries.count, recallSum / count, reciprocalSum / count),
            String(
                format: "latency (1 thread, %d runs × %d queries): p50 %.3f ms, p99 %.3f ms, max %.3f ms, throughput %.0f queries/s", runs,
                queries.count, percentile(0.5), percentile(0.99), latencies.last ?? 0, Double(latencies.count) / total),
            String(
                format: "cpu time per query (not disturbed by other load): p50 %.3f ms, p99 %.3f ms, mean %.3f ms = %.0f queries/s per core",
                percentile(0.5, cpuTimes), percentile(0.99, cpuTimes), meanCPU, 1000 / max(meanCPU, 0.000001)),
            String(format: "throughput with %d threads: %.0f queries/s", threads, parallelThroughput),
        ]
    }
}

/// CPU time consumed by the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
