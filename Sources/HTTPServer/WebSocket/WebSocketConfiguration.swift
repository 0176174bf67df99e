/// Limits and timing for one WebSocket connection.
public struct WebSocketConfiguration: Sendable {
    /// A message larger than this after reassembly fails the connection with close code 1009 (Message Too Big).
    public var maxMessageSize: Int
    /// A single frame whose payload is larger than this fails the connection with close code 1009.
    public var maxFrameSize: Int
    /// How often the connection pings an idle peer; `nil` turns pings off. The state machine itself keeps no clock.
    public var pingInterval: Duration?

    public init(maxMessageSize: Int = 1 << 20, maxFrameSize: Int = 1 << 20, pingInterval: Duration? = .seconds(30)) {
        self.maxMessageSize = maxMessageSize
        self.maxFrameSize = maxFrameSize
        self.pingInterval = pingInterval
    }
}
