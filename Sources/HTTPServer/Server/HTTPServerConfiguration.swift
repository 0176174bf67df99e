import Glibc

/// Where the server listens and how it protects itself.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (see ``HTTPServer/port``).
    public var port: Int
    /// Event loops (threads); defaults to one per core.
    public var eventLoops: Int
    public var limits: HTTPParserLimits
    /// Time allowed to receive a whole request head once its first byte arrived (slow-loris defence).
    public var headerTimeout: Duration
    /// Longest pause between two reads of a request body.
    public var bodyTimeout: Duration
    /// How long a keep-alive connection may sit idle between requests.
    public var idleTimeout: Duration
    /// Longest time without write progress while the client is not reading.
    public var writeTimeout: Duration
    /// Output buffered beyond this makes streaming writers wait (backpressure).
    public var writeHighWatermark: Int
    public var backlog: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, eventLoops: Int = HTTPServerConfiguration.coreCount,
        limits: HTTPParserLimits = HTTPParserLimits(), headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30), writeHighWatermark: Int = 256 * 1024, backlog: Int = 1024
    ) {
        self.host = host
        self.port = port
        self.eventLoops = max(1, eventLoops)
        self.limits = limits
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.writeHighWatermark = writeHighWatermark
        self.backlog = backlog
    }

    public static var coreCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}

extension Duration {
    var nanoseconds: UInt64 {
        let (s, attos) = components
        return UInt64(max(0, s)) * 1_000_000_000 + UInt64(max(0, attos) / 1_000_000_000)
    }
}
