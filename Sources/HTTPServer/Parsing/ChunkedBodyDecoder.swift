/// An incremental decoder for the chunked transfer coding (RFC 9112 §7.1).
///
/// Feed it bytes as they arrive; it appends chunk data to the body and keeps its place between calls.
/// Trailer fields are validated like header fields and then discarded: nothing in this server reads them.
public struct ChunkedBodyDecoder: Sendable {
    public enum Progress: Sendable, Equatable {
        /// All of the input up to `consumed` was used; more is needed.
        case needMore(consumed: Int)
        /// The body ended; `consumed` bytes belonged to it (the rest is the next request).
        case done(consumed: Int)
        case failed(HTTPParseError)
    }

    enum State: Sendable {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer
    }

    /// Longest chunk-size line (size + extensions) accepted.
    static let maxSizeLineLength = 4096
    /// Chunk extensions are ignored, so their total per body is capped: otherwise a small body could make the server read
    /// megabytes of extensions (the hole Go closed as CVE-2023-39326).
    static let maxExtensionBytes = 16 * 1024

    private var state = State.size
    private var trailerBytes = 0
    private var extensionBytes = 0
    let maxBodySize: Int
    let maxTrailerBytes: Int

    public init(maxBodySize: Int, maxTrailerBytes: Int = 8 * 1024) {
        self.maxBodySize = maxBodySize
        self.maxTrailerBytes = maxTrailerBytes
    }

    public mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, into body: inout [UInt8]) -> Progress {
        var i = 0
        while true {
            switch state {
            case .size:
                guard let end = HTTPRequestParser.lineEnd(bytes, from: i, limit: Self.maxSizeLineLength) else {
                    return bytes.count - i > Self.maxSizeLineLength ? .failed(.invalidChunkSize) : .needMore(consumed: i)
                }
                guard case .found(let lineEnd) = end else {
                    if case .failed(let e) = end { return .failed(e) }
                    return .needMore(consumed: i)
                }
                switch Self.parseSizeLine(bytes, start: i, end: lineEnd) {
                case .failure(let e): return .failed(e)
                case .success(let (size, extensionLength)):
                    extensionBytes += extensionLength
                    if extensionBytes > Self.maxExtensionBytes { return .failed(.tooManyChunkExtensions) }
                    i = lineEnd + 2
                    if size == 0 {
                        state = .trailer
                    } else {
                        if size > maxBodySize - body.count { return .failed(.bodyTooLarge) }
                        state = .data(remaining: size)
                    }
                }
            case .data(let remaining):
                let available = min(remaining, bytes.count - i)
                if available == 0 { return .needMore(consumed: i) }
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + available)]))
                i += available
                state = remaining == available ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                if bytes.count - i < 2 { return .needMore(consumed: i) }
                guard bytes[i] == 0x0D, bytes[i + 1] == 0x0A else { return .failed(.missingChunkTerminator) }
                i += 2
                state = .size
            case .trailer:
                guard let end = HTTPRequestParser.lineEnd(bytes, from: i, limit: maxTrailerBytes - trailerBytes) else {
                    return trailerBytes + bytes.count - i > maxTrailerBytes ? .failed(.headersTooLarge) : .needMore(consumed: i)
                }
                guard case .found(let lineEnd) = end else {
                    if case .failed(let e) = end { return .failed(e) }
                    return .needMore(consumed: i)
                }
                if lineEnd == i { return .done(consumed: i + 2) }
                if case .failure(let e) = HTTPRequestParser.parseField(bytes, start: i, end: lineEnd) { return .failed(e) }
                trailerBytes += lineEnd + 2 - i
                if trailerBytes > maxTrailerBytes { return .failed(.headersTooLarge) }
                i = lineEnd + 2
            }
        }
    }

    /// chunk-size [ chunk-ext ]: hex digits, then optional `;`-led extensions of visible characters.
    /// Returns the size and the number of extension bytes on the line.
    static func parseSizeLine(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Result<(Int, Int), HTTPParseError> {
        var i = start
        var size = 0
        var digits = 0
        while i < end, let v = ByteClass.hexValue(bytes[i]) {
            if size > (Int.max >> 4) { return .failure(.invalidChunkSize) }
            size = size << 4 | v
            digits += 1
            i += 1
        }
        guard digits > 0, digits <= 16 else { return .failure(.invalidChunkSize) }
        if i == end { return .success((size, 0)) }
        // Optional whitespace, then ';' and the extension (ignored, but it may not contain control bytes).
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < end, bytes[i] == 0x3B else { return .failure(.invalidChunkSize) }
        for j in (i + 1)..<end where !ByteClass.fieldValue[Int(bytes[j])] { return .failure(.invalidChunkExtension) }
        return .success((size, end - i))
    }
}
