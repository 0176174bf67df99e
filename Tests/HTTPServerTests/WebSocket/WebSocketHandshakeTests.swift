import Testing

@testable import HTTPServer

struct WebSocketHandshakeTests {
    static let sampleKey = "dGhlIHNhbXBsZSBub25jZQ=="

    /// A valid upgrade request's headers; tests change one field at a time.
    static let validHeaders: [(String, String)] = [
        ("Host", "server.example.com"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", sampleKey), ("Sec-WebSocket-Version", "13"),
    ]

    private func validate(
        method: String = "GET", minor: Int = 1, _ headers: [(String, String)] = validHeaders
    ) -> Result<String, WebSocketHandshakeError> {
        let values = { (name: String) in headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
        return WebSocketHandshake.validate(method: method, httpVersionMinor: minor, header: { values($0).first }, allHeaders: values)
    }

    private func replacing(_ name: String, with value: String?) -> [(String, String)] {
        Self.validHeaders.filter { $0.0 != name } + (value.map { [(name, $0)] } ?? [])
    }

    /// RFC 6455 §1.3's worked example (the value also follows from SHA-1 and base64 of key + GUID).
    @Test func acceptValueMatchesTheRFC6455Example() {
        #expect(WebSocketHandshake.acceptValue(forKey: Self.sampleKey) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func validRequestYieldsTheAcceptValue() {
        #expect(validate() == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test func singleValueLookupWorksForAValidRequest() {
        let headers = Dictionary(uniqueKeysWithValues: Self.validHeaders.map { ($0.0.lowercased(), $0.1) })
        let result = WebSocketHandshake.validate(method: "GET", httpVersionMinor: 1) { headers[$0.lowercased()] }
        #expect(result == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test func tokensAreMatchedCaseInsensitivelyWithinLists() {
        let headers = replacing("Connection", with: "keep-alive, UPGRADE").filter { $0.0 != "Upgrade" } + [("Upgrade", "WebSocket")]
        #expect(validate(headers) == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test func connectionTokensAreReadFromEveryHeaderLine() {
        let headers = replacing("Connection", with: "keep-alive") + [("Connection", "Upgrade")]
        #expect(validate(headers) == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test func keySurroundedByWhitespaceIsAccepted() {
        #expect(validate(replacing("Sec-WebSocket-Key", with: " \(Self.sampleKey)\t")) == .success("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
    }

    @Test(arguments: ["POST", "get", "HEAD"])
    func methodOtherThanGETIsRefused(method: String) {
        #expect(validate(method: method) == .failure(.methodNotGet))
    }

    @Test func http10IsRefused() {
        #expect(validate(minor: 0) == .failure(.versionTooOld))
    }

    @Test func missingHostIsRefused() {
        #expect(validate(replacing("Host", with: nil)) == .failure(.missingHost))
    }

    @Test(arguments: [nil, "h2c", "websockets", "web socket"] as [String?])
    func upgradeWithoutTheWebsocketTokenIsRefused(value: String?) {
        #expect(validate(replacing("Upgrade", with: value)) == .failure(.missingUpgrade))
    }

    @Test(arguments: [nil, "keep-alive", "Upgraded", "close"] as [String?])
    func connectionWithoutTheUpgradeTokenIsRefused(value: String?) {
        #expect(validate(replacing("Connection", with: value)) == .failure(.missingConnectionUpgrade))
    }

    @Test(arguments: [nil, "8", "12", "14", "13, 8"] as [String?])
    func versionOtherThan13IsRefusedAndAsksForTheVersionHeader(value: String?) {
        let result = validate(replacing("Sec-WebSocket-Version", with: value))
        #expect(result == .failure(.unsupportedVersion))
        guard case .failure(let error) = result else { return }
        #expect(error.needsVersionHeader)
    }

    @Test(
        arguments: [
            nil, "", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQo=", "dGhlIHNhbXBsZSBub25j", "dGhlIHNhbXBsZSBub25jZR==",
            "not base64 at all!!!!!!!",
        ]
            as [String?])
    func keyThatIsNotBase64Of16BytesIsRefused(value: String?) {
        let result = validate(replacing("Sec-WebSocket-Key", with: value))
        #expect(result == .failure(.invalidKey))
        guard case .failure(let error) = result else { return }
        #expect(!error.needsVersionHeader)
    }

    @Test func repeatedKeyIsRefused() {
        #expect(validate(Self.validHeaders + [("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==")]) == .failure(.repeatedField))
    }

    @Test func errorDescriptionNamesTheReason() {
        #expect(WebSocketHandshakeError.missingHost.description.contains("Host"))
    }
}
