/// Server-side protocol state machine (RFC 6455). Input: raw bytes from the client. Output: actions for the connection to carry out.
///
/// It does no I/O and keeps no clock: the connection feeds it what it reads, writes what it is told to send,
/// and closes the socket on ``Action/close``. Any protocol violation fails the connection (§7.1.7): a close frame
/// with the matching code is sent, then ``Action/close``.
///
/// ```swift
/// var machine = WebSocketStateMachine(configuration: .init())
/// for action in bytes.withUnsafeBufferPointer({ machine.receive($0) }) {
///     switch action {
///     case .deliver(let message): handle(message)
///     case .send(let frame): write(frame)
///     case .close: shutDown()
///     }
/// }
/// ```
public struct WebSocketStateMachine: Sendable {
    public enum Action: Sendable, Equatable {
        /// A complete (reassembled) data message.
        case deliver(WebSocketMessage)
        /// Bytes to write to the socket (pong replies, close replies).
        case send([UInt8])
        /// Close the TCP connection now (after writing anything sent before).
        case close
    }

    enum Phase: Sendable {
        case open
        /// We sent a close frame and wait for the peer's.
        case closeSent
        /// The handshake finished or the connection failed; the socket should go.
        case closed
    }

    let configuration: WebSocketConfiguration
    var phase = Phase.open
    /// The close code received or sent, for logging/tests. The first close event sets it: the peer's code
    /// (1005 when its close frame had none), the code of a close we started, or the code we failed with.
    public internal(set) var closeCode: UInt16?

    /// Header bytes of a frame whose header arrived split over several reads.
    var partialHeader: [UInt8] = []
    /// The frame whose payload is being read, and how much of that payload has been read.
    var currentFrame: WebSocketFrameHeader?
    var currentFramePayloadRead = 0
    /// The payload of the current control frame (at most 125 bytes), kept apart from a data message it interrupts.
    var controlPayload: [UInt8] = []
    /// The opcode (text or binary) of a data message whose final frame has not arrived yet.
    var openMessageOpcode: WebSocketOpcode?
    var messageBuffer: [UInt8] = []
    var utf8Validator = WebSocketUTF8Validator()

    public init(configuration: WebSocketConfiguration) {
        self.configuration = configuration
        partialHeader.reserveCapacity(WebSocketFrameHeader.maxEncodedLength)
    }

    /// The close handshake finished (or failed) and the TCP connection should go.
    public var isClosed: Bool { phase == .closed }

    /// Feed received bytes (any split: a frame may arrive across many calls, several frames in one).
    /// - Returns: what to do, in order. Bytes after the connection closed are ignored.
    public mutating func receive(_ bytes: UnsafeBufferPointer<UInt8>) -> [Action] {
        var actions: [Action] = []
        var offset = 0
        while phase != .closed {
            if currentFrame == nil {
                guard offset < bytes.count else { break }
                switch readHeader(bytes, offset: &offset) {
                case .incomplete:
                    return actions
                case .invalid(let closeCode):
                    fail(closeCode, into: &actions)
                    return actions
                case .complete(let header, _):
                    if let closeCode = beginFrame(header) {
                        fail(closeCode, into: &actions)
                        return actions
                    }
                }
            }
            guard let frame = currentFrame else { break }
            let take = min(frame.payloadLength - currentFramePayloadRead, bytes.count - offset)
            if take > 0 {
                let chunk = UnsafeBufferPointer(rebasing: bytes[offset..<offset + take])
                offset += take
                if let closeCode = readPayload(chunk, of: frame) {
                    fail(closeCode, into: &actions)
                    return actions
                }
            }
            guard currentFramePayloadRead == frame.payloadLength else { break }
            currentFrame = nil
            finishFrame(frame, into: &actions)
        }
        return actions
    }

    /// Reads a frame header starting at `offset`, continuing one that an earlier read left unfinished.
    private mutating func readHeader(_ bytes: UnsafeBufferPointer<UInt8>, offset: inout Int) -> WebSocketFrameHeader.ParseResult {
        if partialHeader.isEmpty {
            // Fast path: the whole header is in this read, so parse it where it lies.
            let rest = UnsafeBufferPointer(rebasing: bytes[offset...])
            let result = WebSocketFrameHeader.parse(rest)
            switch result {
            case .complete(_, let encodedLength):
                offset += encodedLength
            case .incomplete:
                partialHeader.append(contentsOf: rest)
                offset = bytes.count
            case .invalid:
                break
            }
            return result
        }
        let alreadyHeld = partialHeader.count
        let take = min(WebSocketFrameHeader.maxEncodedLength - alreadyHeld, bytes.count - offset)
        partialHeader.append(contentsOf: bytes[offset..<offset + take])
        let result = partialHeader.withUnsafeBufferPointer { WebSocketFrameHeader.parse($0) }
        switch result {
        case .complete(_, let encodedLength):
            offset += encodedLength - alreadyHeld
            partialHeader.removeAll(keepingCapacity: true)
        case .incomplete:
            offset += take
        case .invalid:
            break
        }
        return result
    }
}
