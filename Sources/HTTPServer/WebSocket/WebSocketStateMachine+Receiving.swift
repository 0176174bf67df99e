extension WebSocketStateMachine {
    /// Checks a frame against the message state and the limits, then makes it the current frame.
    /// - Returns: the close code to fail with, or nil if the frame is acceptable.
    mutating func beginFrame(_ header: WebSocketFrameHeader) -> UInt16? {
        switch header.opcode {
        case .text, .binary:
            // A new data message may not start inside a fragmented one (§5.4).
            guard openMessageOpcode == nil else { return WebSocketCloseCode.protocolError }
        case .continuation:
            guard openMessageOpcode != nil else { return WebSocketCloseCode.protocolError }
        case .close, .ping, .pong:
            break
        }
        guard header.payloadLength <= configuration.maxFrameSize else { return WebSocketCloseCode.messageTooBig }
        if header.opcode.isControl {
            controlPayload.removeAll(keepingCapacity: true)
        } else {
            // Checked at the header, so a too-large message is refused before its bytes are buffered.
            guard header.payloadLength <= configuration.maxMessageSize - messageBuffer.count else {
                return WebSocketCloseCode.messageTooBig
            }
            if header.opcode != .continuation {
                openMessageOpcode = header.opcode
                utf8Validator = WebSocketUTF8Validator()
                // Reserve for the announced length, but only up to a bound: a header alone must not make us allocate a megabyte.
                messageBuffer.reserveCapacity(min(header.payloadLength, Self.initialReservationLimit))
            }
        }
        currentFrame = header
        currentFramePayloadRead = 0
        return nil
    }

    /// Unmasks the next piece of the current frame's payload into the message or control buffer.
    /// - Returns: the close code to fail with, or nil.
    mutating func readPayload(_ chunk: UnsafeBufferPointer<UInt8>, of frame: WebSocketFrameHeader) -> UInt16? {
        let keyOffset = currentFramePayloadRead
        currentFramePayloadRead += chunk.count
        if frame.opcode.isControl {
            Self.appendUnmasked(chunk, key: frame.maskingKey, keyOffset: keyOffset, to: &controlPayload)
            return nil
        }
        let start = messageBuffer.count
        Self.appendUnmasked(chunk, key: frame.maskingKey, keyOffset: keyOffset, to: &messageBuffer)
        guard openMessageOpcode == .text else { return nil }
        // Validate as the text arrives, so invalid text fails the connection without waiting for the message to end.
        let isValid = messageBuffer.withUnsafeBufferPointer { buffer in
            utf8Validator.consume(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
        return isValid ? nil : WebSocketCloseCode.invalidPayloadData
    }

    /// Acts on a frame whose payload has been read completely.
    mutating func finishFrame(_ frame: WebSocketFrameHeader, into actions: inout [Action]) {
        switch frame.opcode {
        case .text, .binary, .continuation:
            if frame.isFinal { deliverMessage(into: &actions) }
        case .ping:
            // No pong once our close frame is out: nothing may follow it (§5.5.1).
            if phase == .open { actions.append(.send(WebSocketFrameEncoder.frame(opcode: .pong, payload: controlPayload))) }
        case .pong:
            break  // unsolicited pongs are allowed and need no answer (§5.5.3)
        case .close:
            receiveClose(into: &actions)
        }
    }

    private mutating func deliverMessage(into actions: inout [Action]) {
        let opcode = openMessageOpcode
        openMessageOpcode = nil
        if opcode == .text {
            guard utf8Validator.isAtCharacterBoundary else {
                fail(WebSocketCloseCode.invalidPayloadData, into: &actions)
                return
            }
            actions.append(.deliver(.text(String(decoding: messageBuffer, as: UTF8.self))))
            // Keep a small buffer for the next message, but do not let one big message pin its storage to an idle connection.
            messageBuffer.removeAll(keepingCapacity: messageBuffer.capacity <= Self.retainedBufferCapacity)
        } else {
            // Hand the buffer over rather than copying it; the next message gets fresh storage.
            let payload = messageBuffer
            messageBuffer = []
            actions.append(.deliver(.binary(payload)))
        }
    }

    private mutating func receiveClose(into actions: inout [Action]) {
        guard phase == .open else {
            // Our close was answered: the handshake is complete, and no second close frame is sent.
            finishClosing(into: &actions)
            return
        }
        let payload = controlPayload
        guard payload.count != 1 else { return fail(WebSocketCloseCode.protocolError, into: &actions) }
        var replyCode = WebSocketCloseCode.normalClosure
        if payload.count >= 2 {
            let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
            guard WebSocketCloseCode.isValidOnWire(code) else { return fail(WebSocketCloseCode.protocolError, into: &actions) }
            var validator = WebSocketUTF8Validator()
            let reasonIsValid = payload.withUnsafeBufferPointer { validator.consume(UnsafeBufferPointer(rebasing: $0[2...])) }
            guard reasonIsValid, validator.isAtCharacterBoundary else {
                return fail(WebSocketCloseCode.invalidPayloadData, into: &actions)
            }
            replyCode = code
        }
        if closeCode == nil { closeCode = payload.count >= 2 ? replyCode : WebSocketCloseCode.noStatusReceived }
        actions.append(.send(WebSocketFrameEncoder.closeFrame(code: replyCode)))
        finishClosing(into: &actions)
    }

    /// Fails the WebSocket connection (§7.1.7): a close frame with `code` unless one was already sent, then close.
    mutating func fail(_ code: UInt16, into actions: inout [Action]) {
        if phase == .open {
            if closeCode == nil { closeCode = code }
            actions.append(.send(WebSocketFrameEncoder.closeFrame(code: code)))
        }
        finishClosing(into: &actions)
    }

    private mutating func finishClosing(into actions: inout [Action]) {
        phase = .closed
        actions.append(.close)
        // Nothing more will be read: let the buffers go now rather than when the connection object does.
        messageBuffer = []
        controlPayload = []
        partialHeader = []
        currentFrame = nil
        openMessageOpcode = nil
    }

    /// The most a frame header alone can make the machine reserve; larger payloads grow the buffer as their bytes arrive.
    static var initialReservationLimit: Int { 64 * 1024 }

    /// The largest message buffer kept between messages.
    static var retainedBufferCapacity: Int { 16 * 1024 }

    private static func appendUnmasked(_ chunk: UnsafeBufferPointer<UInt8>, key: UInt32, keyOffset: Int, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: chunk)
        buffer.withUnsafeMutableBytes { bytes in
            WebSocketMask.apply(key: key, keyOffset: keyOffset, to: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]))
        }
    }
}
