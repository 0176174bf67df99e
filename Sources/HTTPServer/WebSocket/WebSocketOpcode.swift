/// The opcode in the low four bits of a frame's first byte (RFC 6455 §5.2).
public enum WebSocketOpcode: UInt8, Sendable {
    case continuation = 0
    case text = 1
    case binary = 2
    case close = 8
    case ping = 9
    case pong = 10

    /// Control frames (close, ping, pong) have opcodes with the high bit set; they may not be fragmented (§5.5).
    var isControl: Bool { rawValue & 0x8 != 0 }
}
