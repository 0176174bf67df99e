// libFuzzer entry for the WebSocket protocol core; built by scripts/fuzz-websocket.sh together with
// Sources/HTTPServer/WebSocket/*.swift (one module, so internal types are in reach).
//
// Besides looking for crashes it checks invariants, trapping when one breaks:
// - feeding the input whole or in data-driven pieces gives the same actions;
// - `.close` comes last and nothing follows it, and every frame the server sends is well formed;
// - the UTF-8 validator agrees with the standard library, and base64 decoding is canonical.

@_cdecl("LLVMFuzzerTestOneInput")
public func webSocketFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: data, count: size)
    checkStateMachine(input)
    checkUTF8Validator(input)
    checkBase64(input)
    return 0
}

private func makeMachine() -> WebSocketStateMachine {
    // Small limits so that the fuzzer reaches the 1009 paths with short inputs.
    WebSocketStateMachine(configuration: WebSocketConfiguration(maxMessageSize: 3000, maxFrameSize: 2000))
}

private func checkStateMachine(_ input: UnsafeBufferPointer<UInt8>) {
    var whole = makeMachine()
    let wholeActions = whole.receive(input)

    var pieced = makeMachine()
    var piecedActions: [WebSocketStateMachine.Action] = []
    var offset = 0
    while offset < input.count {
        // Piece sizes come from the data itself, so the fuzzer explores the splits too.
        let length = min(Int(input[offset] % 17) + 1, input.count - offset)
        piecedActions += pieced.receive(UnsafeBufferPointer(rebasing: input[offset..<offset + length]))
        offset += length
    }
    invariant(wholeActions == piecedActions, "actions depend on how the bytes were split")
    invariant(whole.isClosed == pieced.isClosed && whole.closeCode == pieced.closeCode, "state depends on the split")

    if let closeIndex = wholeActions.firstIndex(of: .close) {
        invariant(closeIndex == wholeActions.count - 1, "actions after .close")
        invariant(whole.isClosed && whole.closeCode != nil, "closed without a code")
        invariant(whole.receive(input).isEmpty, "a closed machine acted on more input")
    } else {
        invariant(!whole.isClosed, "closed without telling the connection")
    }
    for case .send(let frame) in wholeActions { checkServerFrame(frame) }
}

/// A frame the server sends: final, unmasked, pong or close, with a length that matches its bytes.
private func checkServerFrame(_ frame: [UInt8]) {
    invariant(frame.count >= 2 && frame[0] & 0xF0 == 0x80 && frame[1] & 0x80 == 0, "malformed server frame")
    let opcode = WebSocketOpcode(rawValue: frame[0] & 0x0F)
    invariant(opcode == .pong || opcode == .close, "unexpected server frame opcode")
    invariant(Int(frame[1]) == frame.count - 2 && frame.count - 2 <= 125, "bad control frame length")
    if opcode == .close {
        invariant(frame.count >= 4, "close frame without a code")
        invariant(WebSocketCloseCode.isValidOnWire(UInt16(frame[2]) << 8 | UInt16(frame[3])), "invalid close code sent")
    }
}

private func checkUTF8Validator(_ input: UnsafeBufferPointer<UInt8>) {
    var validator = WebSocketUTF8Validator()
    let half = input.count / 2
    let accepted =
        validator.consume(UnsafeBufferPointer(rebasing: input[..<half]))
        && validator.consume(UnsafeBufferPointer(rebasing: input[half...])) && validator.isAtCharacterBoundary
    invariant(accepted == (String(validating: input, as: UTF8.self) != nil), "UTF-8 validator disagrees with the standard library")
}

private func checkBase64(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    if let decoded = WebSocketBase64.decode(text) {
        invariant(WebSocketBase64.encode(decoded) == text, "base64 accepted a non-canonical spelling")
    }
}

/// Like `precondition`, but the message survives `-O`, so a crash report says which invariant broke.
private func invariant(_ condition: @autoclosure () -> Bool, _ message: StaticString) {
    if !condition() { fatalError("invariant broken: \(message)") }
}
