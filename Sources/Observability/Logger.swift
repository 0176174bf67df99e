public import Foundation
import Synchronization

/// A structured logger writing one JSON object per line.
///
/// Callers pass only operational facts as metadata (route, status, durations, ids). Request bodies, query strings,
/// headers and personal data (citizen IDs, phone numbers, names) must never be logged; the access-log middleware
/// therefore records the route pattern and path only.
public struct Logger: Sendable {
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        case debug = 0, info, warning, error

        public init?(name: String) {
            switch name.lowercased() {
            case "debug": self = .debug
            case "info": self = .info
            case "warning", "warn": self = .warning
            case "error": self = .error
            default: return nil
            }
        }

        public var description: String { ["debug", "info", "warning", "error"][rawValue] }
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public let label: String
    public let minimumLevel: Level
    public var metadata: [String: String]
    let sink: any LogSink

    public init(label: String, minimumLevel: Level = .info, metadata: [String: String] = [:], sink: any LogSink = StandardErrorSink()) {
        self.label = label
        self.minimumLevel = minimumLevel
        self.metadata = metadata
        self.sink = sink
    }

    /// A copy carrying extra metadata on every line (e.g. `request.id`).
    public func with(_ extra: [String: String]) -> Logger {
        var copy = self
        copy.metadata.merge(extra) { _, new in new }
        return copy
    }

    public func log(_ level: Level, _ message: String, _ extra: [String: String] = [:]) {
        guard level >= minimumLevel else { return }
        var object: [String: String] = metadata.merging(extra) { _, new in new }
        object["ts"] = Self.timestamp()
        object["level"] = level.description
        object["logger"] = label
        object["msg"] = message
        sink.write(line: Self.encode(object))
    }

    public func debug(_ message: String, _ extra: [String: String] = [:]) { log(.debug, message, extra) }
    public func info(_ message: String, _ extra: [String: String] = [:]) { log(.info, message, extra) }
    public func warning(_ message: String, _ extra: [String: String] = [:]) { log(.warning, message, extra) }
    public func error(_ message: String, _ extra: [String: String] = [:]) { log(.error, message, extra) }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// Keys sorted so lines are stable and easy to diff.
    static func encode(_ object: [String: String]) -> String {
        let order = ["ts", "level", "logger", "msg"]
        let keys = order.filter { object[$0] != nil } + object.keys.filter { !order.contains($0) }.sorted()
        return "{" + keys.map { "\(JSONString.quote($0)):\(JSONString.quote(object[$0]!))" }.joined(separator: ",") + "}"
    }
}

/// Where log lines go. The default writes to standard error; tests capture lines in memory.
public protocol LogSink: Sendable {
    func write(line: String)
}

public struct StandardErrorSink: LogSink {
    public init() {}
    public func write(line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { _ = Foundation.write(2, $0.baseAddress, $0.count) }
    }
}

/// Keeps lines in memory, for tests that check what was (and was not) logged.
public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[String]>([])
    public init() {}
    public func write(line: String) { storage.withLock { $0.append(line) } }
    public var lines: [String] { storage.withLock { $0 } }
}
