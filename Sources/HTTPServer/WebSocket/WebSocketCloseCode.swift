/// The close status codes the state machine uses, and the rule for which codes may appear on the wire (RFC 6455 §7.4).
enum WebSocketCloseCode {
    static let normalClosure: UInt16 = 1000
    static let protocolError: UInt16 = 1002
    /// Reported when the peer's close frame carried no code; never sent (§7.1.5).
    static let noStatusReceived: UInt16 = 1005
    static let invalidPayloadData: UInt16 = 1007
    static let messageTooBig: UInt16 = 1009
    static let internalError: UInt16 = 1011

    /// Whether `code` may be carried in a close frame. 1004–1006 and 1015 are reserved, 1012–2999 are not
    /// assigned by RFC 6455, and codes below 1000 or above 4999 are outside every range.
    static func isValidOnWire(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1011, 3000...4999: true
        default: false
        }
    }
}
