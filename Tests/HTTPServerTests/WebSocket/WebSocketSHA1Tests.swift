import Testing

@testable import HTTPServer

struct WebSocketSHA1Tests {
    private func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }

    @Test func digestOfABCMatchesTheFIPSVector() {
        #expect(hex(WebSocketSHA1.digest("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func digestOfThe448BitMessageMatchesTheFIPSVector() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(hex(WebSocketSHA1.digest(message.utf8)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func digestOfAMillionAsMatchesTheFIPSVector() {
        #expect(hex(WebSocketSHA1.digest(repeatElement(UInt8(ascii: "a"), count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func digestOfTheEmptyMessageMatchesTheKnownValue() {
        #expect(hex(WebSocketSHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test func incrementalUpdatesGiveTheSameDigestAsOneShot() {
        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        for pieceSize in [1, 55, 56, 63, 64, 65, 333] {
            var hasher = WebSocketSHA1()
            for start in stride(from: 0, to: message.count, by: pieceSize) {
                hasher.update(message[start..<min(start + pieceSize, message.count)])
            }
            #expect(hasher.finalize() == WebSocketSHA1.digest(message), "pieces of \(pieceSize)")
        }
    }
}
