/// The server's side of the opening handshake (RFC 6455 §4.2).
public enum WebSocketHandshake {
    /// The GUID every server appends to the client's key (§1.3).
    static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// Sec-WebSocket-Accept for a Sec-WebSocket-Key (SHA-1 of key + GUID, base64).
    public static func acceptValue(forKey key: String) -> String {
        WebSocketBase64.encode(WebSocketSHA1.digest((key + acceptGUID).utf8))
    }

    /// Validates the client's upgrade request fields (§4.2.1): method GET, HTTP/1.1 or later, a Host header,
    /// `Upgrade` including the token `websocket`, `Connection` including `Upgrade` (tokens case-insensitive),
    /// `Sec-WebSocket-Version: 13` and a `Sec-WebSocket-Key` that is base64 of 16 bytes.
    /// - Parameters:
    ///   - header: the first value of a header (name matched case-insensitively), or nil.
    /// - Returns: the `Sec-WebSocket-Accept` value, or why the request cannot be upgraded.
    public static func validate(method: String, httpVersionMinor: Int, header: (String) -> String?) -> Result<String, WebSocketHandshakeError> {
        validate(method: method, httpVersionMinor: httpVersionMinor, header: header, allHeaders: { name in header(name).map { [$0] } ?? [] })
    }

    /// Like ``validate(method:httpVersionMinor:header:)``, but also reads `Upgrade` and `Connection` tokens from
    /// every line of those headers, and refuses a repeated `Sec-WebSocket-Key` or `Sec-WebSocket-Version` (§11.3.1, §11.3.5).
    /// - Parameters:
    ///   - allHeaders: every value of a header, in order (name matched case-insensitively).
    public static func validate(
        method: String, httpVersionMinor: Int, header: (String) -> String?, allHeaders: (String) -> [String]
    ) -> Result<String, WebSocketHandshakeError> {
        guard method == "GET" else { return .failure(.methodNotGet) }
        guard httpVersionMinor >= 1 else { return .failure(.versionTooOld) }
        guard header("Host") != nil else { return .failure(.missingHost) }
        guard containsToken("websocket", in: allHeaders("Upgrade")) else { return .failure(.missingUpgrade) }
        guard containsToken("upgrade", in: allHeaders("Connection")) else { return .failure(.missingConnectionUpgrade) }
        guard allHeaders("Sec-WebSocket-Version").count <= 1, allHeaders("Sec-WebSocket-Key").count <= 1 else {
            return .failure(.repeatedField)
        }
        guard let version = header("Sec-WebSocket-Version"), trimmed(version) == "13" else { return .failure(.unsupportedVersion) }
        guard let key = header("Sec-WebSocket-Key").map(trimmed), WebSocketBase64.decode(key)?.count == 16 else {
            return .failure(.invalidKey)
        }
        return .success(acceptValue(forKey: String(key)))
    }

    /// Whether a comma-separated token list (possibly over several header lines) holds `token`, ignoring ASCII case.
    private static func containsToken(_ token: String, in values: [String]) -> Bool {
        values.contains { value in
            value.split(separator: ",").contains { trimmed($0).lowercased() == token }
        }
    }

    /// Drops the optional whitespace (spaces and tabs) HTTP allows around field values and list elements.
    private static func trimmed(_ text: some StringProtocol) -> Substring {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let withoutLeading = text.drop(while: isWhitespace)
        var end = withoutLeading.endIndex
        while end > withoutLeading.startIndex, isWhitespace(withoutLeading[withoutLeading.index(before: end)]) {
            end = withoutLeading.index(before: end)
        }
        return Substring(withoutLeading[..<end])
    }
}
