import Testing

@testable import HTTPServer

struct WebSocketBase64Tests {
    // RFC 4648 §10 test vectors.
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test func encodingMatchesTheRFC4648Vectors() {
        for (plain, encoded) in Self.vectors {
            #expect(WebSocketBase64.encode(Array(plain.utf8)) == encoded)
        }
    }

    @Test func decodingMatchesTheRFC4648Vectors() {
        for (plain, encoded) in Self.vectors {
            #expect(WebSocketBase64.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func everyByteValueRoundTrips() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(WebSocketBase64.decode(WebSocketBase64.encode(bytes)) == bytes)
        #expect(WebSocketBase64.encode(bytes).contains("+") && WebSocketBase64.encode(bytes).contains("/"))
    }

    @Test(arguments: ["Zg", "Zg=", "Zm9v=", "Z===", "Zg==Zg==", "Zm=v", "Zm9v\n", "Zm9-", "Zm_v", "Zh==", "Zm9=", " Zm9v"])
    func nonCanonicalOrMalformedInputIsRefused(text: String) {
        #expect(WebSocketBase64.decode(text) == nil)
    }
}
