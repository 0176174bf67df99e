/// The fixed part of a client frame, up to and including the masking key (RFC 6455 §5.2).
struct WebSocketFrameHeader: Equatable {
    /// 2 bytes, 8 bytes of extended length, 4 bytes of masking key.
    static let maxEncodedLength = 14

    var isFinal: Bool
    var opcode: WebSocketOpcode
    var payloadLength: Int
    /// The four key bytes as one big-endian number: the first key byte is the most significant.
    var maskingKey: UInt32

    enum ParseResult: Equatable {
        /// More bytes are needed; nothing wrong has been seen so far.
        case incomplete
        /// A header was read from the first `encodedLength` bytes.
        case complete(WebSocketFrameHeader, encodedLength: Int)
        /// The bytes break the framing rules; fail the connection with this close code.
        case invalid(closeCode: UInt16)
    }

    /// Reads a client frame header from the start of `bytes`.
    ///
    /// Checks that depend only on the header are made as soon as the bytes they need are there, so a bad
    /// frame is refused without waiting for the rest of it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseResult {
        guard bytes.count >= 2 else { return .incomplete }
        let first = bytes[0]
        let second = bytes[1]
        // No extension is negotiated, so every RSV bit must be clear (§5.2).
        guard first & 0x70 == 0, let opcode = WebSocketOpcode(rawValue: first & 0x0F) else {
            return .invalid(closeCode: WebSocketCloseCode.protocolError)
        }
        let isFinal = first & 0x80 != 0
        let lengthField = Int(second & 0x7F)
        // Clients must mask every frame (§5.1); control frames are short and unfragmented (§5.5).
        guard second & 0x80 != 0, !opcode.isControl || (isFinal && lengthField <= 125) else {
            return .invalid(closeCode: WebSocketCloseCode.protocolError)
        }

        var offset = 2
        let payloadLength: Int
        switch lengthField {
        case 126:
            guard bytes.count >= 4 else { return .incomplete }
            let length = Int(bytes[2]) << 8 | Int(bytes[3])
            // The minimal number of bytes must be used to encode the length (§5.2).
            guard length >= 126 else { return .invalid(closeCode: WebSocketCloseCode.protocolError) }
            payloadLength = length
            offset = 4
        case 127:
            guard bytes.count >= 10 else { return .incomplete }
            var length: UInt64 = 0
            for index in 2..<10 { length = length << 8 | UInt64(bytes[index]) }
            // The most significant bit must be 0, and lengths that fit in 16 bits must use the 16-bit form.
            guard length >> 63 == 0, length > 0xFFFF else { return .invalid(closeCode: WebSocketCloseCode.protocolError) }
            payloadLength = Int(length)
            offset = 10
        default:
            payloadLength = lengthField
        }

        guard bytes.count >= offset + 4 else { return .incomplete }
        var key: UInt32 = 0
        for index in offset..<offset + 4 { key = key << 8 | UInt32(bytes[index]) }
        let header = WebSocketFrameHeader(isFinal: isFinal, opcode: opcode, payloadLength: payloadLength, maskingKey: key)
        return .complete(header, encodedLength: offset + 4)
    }
}
