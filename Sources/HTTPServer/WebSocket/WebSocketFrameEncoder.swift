/// Builds the unmasked, unfragmented frames a server sends (RFC 6455 §5.1: servers never mask).
enum WebSocketFrameEncoder {
    /// One final frame carrying `payload`, with the shortest length encoding.
    static func frame(opcode: WebSocketOpcode, payload: some Collection<UInt8>) -> [UInt8] {
        let length = payload.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length + 10)
        bytes.append(0x80 | opcode.rawValue)
        if length < 126 {
            bytes.append(UInt8(length))
        } else if length <= 0xFFFF {
            bytes.append(126)
            appendBigEndian(UInt64(length), byteCount: 2, to: &bytes)
        } else {
            bytes.append(127)
            appendBigEndian(UInt64(length), byteCount: 8, to: &bytes)
        }
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// A close frame with a status code and a reason cut to fit the 125-byte control payload on a character boundary.
    static func closeFrame(code: UInt16, reason: String = "") -> [UInt8] {
        var payload: [UInt8] = [UInt8(code >> 8), UInt8(code & 0xFF)]
        var reasonBytes = 0
        for scalar in reason.unicodeScalars {
            let width = UTF8.width(scalar)
            guard reasonBytes + width <= 123 else { break }
            reasonBytes += width
        }
        payload.append(contentsOf: reason.utf8.prefix(reasonBytes))
        return frame(opcode: .close, payload: payload)
    }

    private static func appendBigEndian(_ value: UInt64, byteCount: Int, to bytes: inout [UInt8]) {
        for index in stride(from: byteCount - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(index * 8)))
        }
    }
}
