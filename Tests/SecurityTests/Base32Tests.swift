import Foundation
import Security
import Testing

struct Base32Tests {
    /// RFC 4648 §10 test vectors.
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="), ("fooba", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI======"),
    ]

    @Test func encodesEveryRFC4648Vector() {
        for (plain, encoded) in Self.vectors {
            #expect(Base32.encode(Array(plain.utf8), padded: true) == encoded)
            #expect(Base32.encode(Array(plain.utf8)) == encoded.replacingOccurrences(of: "=", with: ""))
        }
    }

    @Test func decodesPaddedUnpaddedLowerCaseAndSpacedText() throws {
        for (plain, encoded) in Self.vectors {
            #expect(try Base32.decode(encoded) == Array(plain.utf8))
            #expect(try Base32.decode(encoded.lowercased().replacingOccurrences(of: "=", with: "")) == Array(plain.utf8))
        }
        #expect(try Base32.decode("MZXW 6YTB OI") == Array("foobar".utf8))
    }

    @Test(arguments: ["M", "MZX", "MZXW6Y", "MZXW6YT1", "MZ!W6YTB", "MZ"])
    func refusesTextThatIsNotBase32(text: String) {
        // "MZ" carries leftover bits that are not zero ('Z' = 25 sets bits past the byte).
        #expect(throws: SecurityError.invalidEncoding) { try Base32.decode(text) }
    }

    @Test func roundTripsRandomBytes() throws {
        for count in 0..<40 {
            let bytes = try SecureRandom.bytes(count: count)
            #expect(try Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }
}
