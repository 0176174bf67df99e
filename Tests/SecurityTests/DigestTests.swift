import Foundation
import Security
import Testing

struct DigestTests {
    @Test func sm3OfAbcMatchesGBT32905Example1() {
        #expect(SM3.hexDigest(Array("abc".utf8)) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test func sm3Of64ByteMessageMatchesGBT32905Example2() {
        let message = Array(String(repeating: "abcd", count: 16).utf8)
        #expect(SM3.hexDigest(message) == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }

    @Test func incrementalDigestEqualsOneShotWhateverTheSplit() {
        let message = Array(String(repeating: "abcd", count: 16).utf8)
        for split in [0, 1, 17, 63, 64] {
            var digest = MessageDigest(.sm3)
            digest.update(message[..<split])
            digest.update(message[split...])
            #expect(digest.finalize() == SM3.hash(message), "split at \(split)")
        }
    }

    @Test func sha256OfAbcMatchesFIPS180Example() {
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func fileDigestEqualsDigestOfItsBytesAcrossChunkBoundaries() throws {
        let bytes = (0..<(3 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try TemporaryFiles.write(bytes, named: "digest.bin")
        #expect(try SM3.hash(fileAt: path) == SM3.hash(bytes))
        #expect(try SHA256.hash(fileAt: path) == SHA256.hash(bytes))
    }

    @Test func fileDigestOfMissingFileFailsWithInvalidParameter() {
        #expect(throws: SecurityError.invalidParameter) { try SM3.hash(fileAt: "/nonexistent/jianwu-digest-test") }
    }

    @Test func hmacSHA1MatchesRFC2202TestCase2() {
        let mac = HMAC.authenticationCode(.sha1, key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test func hexRoundTripsAndRefusesBadText() throws {
        let bytes: [UInt8] = [0x00, 0x7f, 0x80, 0xff, 0x12]
        #expect(Hex.encode(bytes) == "007f80ff12")
        #expect(try Hex.decode("007F80ff12") == bytes)
        #expect(throws: SecurityError.invalidEncoding) { try Hex.decode("abc") }
        #expect(throws: SecurityError.invalidEncoding) { try Hex.decode("zz") }
    }
}
