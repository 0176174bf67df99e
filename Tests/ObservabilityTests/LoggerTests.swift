import Foundation
import Observability
import Testing

struct LoggerTests {
    @Test func linesAreJSONWithLevelMessageAndMetadata() throws {
        let sink = MemoryLogSink()
        let logger = Logger(label: "t", sink: sink).with(["request.id": "r-1"])
        logger.info("line \"quoted\"\nnext", ["k": "值"])
        let line = try #require(sink.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["msg"] == "line \"quoted\"\nnext")
        #expect(object["level"] == "info")
        #expect(object["request.id"] == "r-1")
        #expect(object["k"] == "值")
        #expect(!line.contains("\n"))
    }

    @Test func linesBelowTheMinimumLevelAreDropped() {
        let sink = MemoryLogSink()
        let logger = Logger(label: "t", minimumLevel: .warning, sink: sink)
        logger.info("no")
        logger.error("yes")
        #expect(sink.lines.count == 1)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONString.quote("a\u{01}b\tc") == "\"a\\u0001b\\tc\"")
    }
}

struct MetricsTests {
    @Test func histogramIsCumulativeWithCountAndSum() {
        let metrics = Metrics()
        metrics.record(method: "GET", route: "/a", status: 200, seconds: 0.0004)
        metrics.record(method: "GET", route: "/a", status: 200, seconds: 0.02)
        metrics.record(method: "GET", route: "/a", status: 200, seconds: 20)
        let text = metrics.prometheusText()
        #expect(text.contains(#"jianwu_http_request_duration_seconds_bucket{method="GET",route="/a",status="200",le="0.0005"} 1"#))
        #expect(text.contains(#"jianwu_http_request_duration_seconds_bucket{method="GET",route="/a",status="200",le="0.025"} 2"#))
        #expect(text.contains(#"jianwu_http_request_duration_seconds_bucket{method="GET",route="/a",status="200",le="+Inf"} 3"#))
        #expect(text.contains(#"jianwu_http_request_duration_seconds_count{method="GET",route="/a",status="200"} 3"#))
        #expect(text.contains("# TYPE jianwu_http_request_duration_seconds histogram"))
    }
}
