import Synchronization

/// Request counts and latency histograms per route, exposed in the Prometheus text format (version 0.0.4).
public final class Metrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Key: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    struct Series {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: Metrics.latencyBuckets.count)

        mutating func record(seconds: Double, bucket: Int?) {
            count += 1
            sum += seconds
            if let bucket { buckets[bucket] += 1 }
        }
    }

    private let series = Mutex<[Key: Series]>([:])

    public init() {}

    /// Records one request. `route` is the route pattern (e.g. `/api/cases/:id`), never the concrete path, so that
    /// cardinality stays bounded and no identifier reaches the metrics.
    public func record(method: String, route: String, status: Int, seconds: Double) {
        let key = Key(method: method, route: route, status: status)
        let bucket = Metrics.latencyBuckets.firstIndex { seconds <= $0 }
        series.withLock { all in
            // In place through the defaulted subscript: no copy of the bucket array per request.
            all[key, default: Series()].record(seconds: seconds, bucket: bucket)
        }
    }

    public func prometheusText() -> String {
        let snapshot = series.withLock { $0 }
        let keys = snapshot.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        var out = "# HELP jianwu_http_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE jianwu_http_requests_total counter\n"
        for key in keys {
            out += "jianwu_http_requests_total{\(labels(key))} \(snapshot[key]!.count)\n"
        }
        out += "# HELP jianwu_http_request_duration_seconds Time from parsed request to response, by route and method.\n"
        out += "# TYPE jianwu_http_request_duration_seconds histogram\n"
        for key in keys {
            let s = snapshot[key]!
            var cumulative = 0
            for (i, bound) in Metrics.latencyBuckets.enumerated() {
                cumulative += s.buckets[i]
                out += "jianwu_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "jianwu_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(s.count)\n"
            out += "jianwu_http_request_duration_seconds_sum{\(labels(key))} \(s.sum)\n"
            out += "jianwu_http_request_duration_seconds_count{\(labels(key))} \(s.count)\n"
        }
        return out
    }

    private func labels(_ key: Key) -> String {
        "method=\"\(escape(key.method))\",route=\"\(escape(key.route))\",status=\"\(key.status)\""
    }

    private func escape(_ s: String) -> String {
        s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
    }
}
