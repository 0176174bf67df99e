/// A complete data message, after its fragments have been put back together.
public enum WebSocketMessage: Sendable, Equatable {
    /// A text message; its bytes were checked to be valid UTF-8 before it was delivered.
    case text(String)
    case binary([UInt8])
}
