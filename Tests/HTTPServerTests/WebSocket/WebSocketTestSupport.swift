@testable import HTTPServer

/// Builds frames the way a client sends them, including deliberately broken ones.
struct ClientFrame {
    enum LengthEncoding {
        case minimal
        case forced16Bit
        case forced64Bit
    }

    var opcode: UInt8
    var payload: [UInt8]
    var isFinal = true
    var rsvBits: UInt8 = 0
    var isMasked = true
    var maskingKey: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
    var lengthEncoding = LengthEncoding.minimal

    init(_ opcode: WebSocketOpcode, _ payload: [UInt8] = [], isFinal: Bool = true) {
        self.opcode = opcode.rawValue
        self.payload = payload
        self.isFinal = isFinal
    }

    init(_ opcode: WebSocketOpcode, text: String, isFinal: Bool = true) {
        self.init(opcode, Array(text.utf8), isFinal: isFinal)
    }

    init(rawOpcode: UInt8, _ payload: [UInt8] = []) {
        opcode = rawOpcode
        self.payload = payload
    }

    static func close(code: UInt16, reason: [UInt8] = []) -> ClientFrame {
        ClientFrame(.close, [UInt8(code >> 8), UInt8(code & 0xFF)] + reason)
    }

    var bytes: [UInt8] {
        var bytes: [UInt8] = [(isFinal ? 0x80 : 0) | rsvBits << 4 | opcode]
        let maskBit: UInt8 = isMasked ? 0x80 : 0
        let count = payload.count
        switch lengthEncoding {
        case .minimal where count < 126:
            bytes.append(maskBit | UInt8(count))
        case .minimal where count <= 0xFFFF, .forced16Bit:
            bytes.append(maskBit | 126)
            bytes += [UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        case .minimal, .forced64Bit:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(count) >> UInt64($0 * 8)) }
        }
        guard isMasked else { return bytes + payload }
        bytes += maskingKey
        bytes += payload.enumerated().map { $0.element ^ maskingKey[$0.offset % 4] }
        return bytes
    }
}

extension WebSocketStateMachine {
    /// A machine with the default configuration unless told otherwise.
    static func make(maxMessageSize: Int = 1 << 20, maxFrameSize: Int = 1 << 20) -> WebSocketStateMachine {
        WebSocketStateMachine(configuration: WebSocketConfiguration(maxMessageSize: maxMessageSize, maxFrameSize: maxFrameSize))
    }

    mutating func receive(_ bytes: [UInt8]) -> [Action] {
        bytes.withUnsafeBufferPointer { receive($0) }
    }

    mutating func receive(_ frames: ClientFrame...) -> [Action] {
        receive(frames.flatMap(\.bytes))
    }

    /// Feeds `bytes` in pieces of `pieceSize` and collects every action.
    mutating func receive(_ bytes: [UInt8], inPiecesOf pieceSize: Int) -> [Action] {
        stride(from: 0, to: bytes.count, by: pieceSize).flatMap { start in
            receive(Array(bytes[start..<min(start + pieceSize, bytes.count)]))
        }
    }
}

/// What a server close frame with `code` (and no reason) looks like on the wire.
func serverCloseFrame(_ code: UInt16) -> [UInt8] {
    [0x88, 0x02, UInt8(code >> 8), UInt8(code & 0xFF)]
}

/// The actions that fail a connection with `code`: our close frame, then closing the socket.
func failure(_ code: UInt16) -> [WebSocketStateMachine.Action] {
    [.send(serverCloseFrame(code)), .close]
}
