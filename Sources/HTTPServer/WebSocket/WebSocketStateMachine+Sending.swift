extension WebSocketStateMachine {
    /// Encode an outgoing data message as one unmasked frame (server frames are never masked).
    /// - Returns: the frame, or nil if the connection is closing or closed (no data may follow a close frame, §5.5.1).
    public mutating func encode(_ message: WebSocketMessage) -> [UInt8]? {
        guard phase == .open else { return nil }
        switch message {
        case .text(let text): return WebSocketFrameEncoder.frame(opcode: .text, payload: text.utf8)
        case .binary(let bytes): return WebSocketFrameEncoder.frame(opcode: .binary, payload: bytes)
        }
    }

    /// Encode a ping (payload ≤ 125 bytes).
    /// - Returns: the frame, or nil if the connection is closing or closed.
    /// - Precondition: `payload` has at most 125 bytes (a control frame limit, §5.5).
    public mutating func ping(_ payload: [UInt8]) -> [UInt8]? {
        precondition(payload.count <= 125, "a ping payload has at most 125 bytes")
        guard phase == .open else { return nil }
        return WebSocketFrameEncoder.frame(opcode: .ping, payload: payload)
    }

    /// Start the closing handshake from the server side: returns the close frame to send (nil if already closing).
    ///
    /// The connection should then wait (with a timeout of its own) for ``receive(_:)`` to return ``Action/close``.
    /// - Parameters:
    ///   - code: a status code that may be sent: 1000–1003, 1007–1011 or 3000–4999. Any other (1005, 1006, 2000, …)
    ///     is replaced by 1011 (Internal Error): the code may come from application code, and a bad one must not
    ///     bring the server down nor reach the peer.
    ///   - reason: cut on a character boundary to fit the 123 bytes a close frame leaves for it.
    public mutating func startClose(code: UInt16, reason: String) -> [UInt8]? {
        guard phase == .open else { return nil }
        let code = WebSocketCloseCode.isValidOnWire(code) ? code : WebSocketCloseCode.internalError
        phase = .closeSent
        if closeCode == nil { closeCode = code }
        return WebSocketFrameEncoder.closeFrame(code: code, reason: reason)
    }
}
