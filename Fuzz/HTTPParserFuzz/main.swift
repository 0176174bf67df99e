// libFuzzer entry for the HTTP/1.1 request parser: any bytes go through the head parser and, when a head parses,
// the rest goes through the body decoder its framing selects. Crashes, traps and sanitizer reports are bugs.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let limits = HTTPParserLimits(maxRequestLineLength: 1024, maxHeaderBytes: 2048, maxHeaderCount: 32)
    guard case .complete(let head, let consumed) = HTTPRequestParser.parseHead(bytes, limits: limits) else { return 0 }
    precondition(consumed <= size, "parser consumed more than it was given")
    let rest = UnsafeBufferPointer(rebasing: bytes[consumed...])
    switch head.framing {
    case .chunked:
        var decoder = ChunkedBodyDecoder(maxBodySize: 4096)
        var body: [UInt8] = []
        // Feed in two pieces to exercise resumption.
        let split = rest.count / 2
        if case .needMore(let used) = decoder.decode(UnsafeBufferPointer(rebasing: rest[..<split]), into: &body) {
            let second = UnsafeBufferPointer(rebasing: rest[used...])
            _ = decoder.decode(second, into: &body)
        }
        precondition(body.count <= 4096, "body exceeded its limit")
    case .contentLength(let n):
        precondition(n > 0)
    case .none:
        break
    }
    return 0
}
