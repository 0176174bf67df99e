import Foundation
import Security
import Testing

struct TOTPTests {
    static let sha1Secret = Array("12345678901234567890".utf8)
    static let sha256Secret = Array("12345678901234567890123456789012".utf8)
    static let sha512Secret = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    /// RFC 6238 Appendix B: (Unix time, SHA-1, SHA-256, SHA-512), 8 digits, 30 s step.
    static let rfc6238Vectors: [(UInt64, String, String, String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test func matchesEveryRFC6238AppendixBVector() throws {
        let sha1 = try TOTP(secret: Self.sha1Secret, digits: 8, hash: .sha1)
        let sha256 = try TOTP(secret: Self.sha256Secret, digits: 8, hash: .sha256)
        let sha512 = try TOTP(secret: Self.sha512Secret, digits: 8, hash: .sha512)
        for (time, expected1, expected256, expected512) in Self.rfc6238Vectors {
            #expect(sha1.code(atUnixTime: time) == expected1, "SHA-1 at \(time)")
            #expect(sha256.code(atUnixTime: time) == expected256, "SHA-256 at \(time)")
            #expect(sha512.code(atUnixTime: time) == expected512, "SHA-512 at \(time)")
        }
    }

    @Test func hotpMatchesEveryRFC4226AppendixDValue() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        for (counter, code) in expected.enumerated() {
            #expect(HOTP.code(secret: Self.sha1Secret, counter: UInt64(counter), digits: 6) == code, "counter \(counter)")
        }
    }

    @Test func dateAndUnixTimeGiveTheSameCode() throws {
        let totp = try TOTP(secret: Self.sha1Secret, digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "07081804")
    }

    @Test func verifyAcceptsCurrentAndAdjacentStepsAndReturnsTheMatchedStep() throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        let now: UInt64 = 1_234_567_890
        let step = now / 30
        #expect(totp.verify(totp.code(forStep: step), atUnixTime: now, lastAcceptedStep: nil) == step)
        #expect(totp.verify(totp.code(forStep: step - 1), atUnixTime: now, lastAcceptedStep: nil) == step - 1)
        #expect(totp.verify(totp.code(forStep: step + 1), atUnixTime: now, lastAcceptedStep: nil) == step + 1)
    }

    @Test func verifyRefusesCodesOutsideTheWindow() throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        let now: UInt64 = 1_234_567_890
        let step = now / 30
        #expect(totp.verify(totp.code(forStep: step - 2), atUnixTime: now, lastAcceptedStep: nil) == nil)
        #expect(totp.verify(totp.code(forStep: step + 2), atUnixTime: now, lastAcceptedStep: nil) == nil)
    }

    @Test func verifyRefusesAReplayOfTheLastAcceptedStepOrAnEarlierOne() throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        let now: UInt64 = 1_234_567_890
        let step = now / 30
        let code = totp.code(forStep: step)
        let accepted = try #require(totp.verify(code, atUnixTime: now, lastAcceptedStep: nil))
        #expect(totp.verify(code, atUnixTime: now + 5, lastAcceptedStep: accepted) == nil)
        #expect(totp.verify(totp.code(forStep: step - 1), atUnixTime: now, lastAcceptedStep: accepted) == nil)
        #expect(totp.verify(totp.code(forStep: step + 1), atUnixTime: now + 30, lastAcceptedStep: accepted) == step + 1)
    }

    @Test(arguments: ["", "12345", "1234567", "12345a", " 123456", "１２３４５６"])
    func verifyRefusesCodesThatAreNotExactlySixASCIIDigits(code: String) throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        #expect(totp.verify(code, atUnixTime: 59, lastAcceptedStep: nil) == nil)
    }

    @Test func verifyNearTheEpochDoesNotUnderflow() throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        #expect(totp.verify(totp.code(forStep: 0), atUnixTime: 0, lastAcceptedStep: nil) == 0)
    }

    @Test func refusesShortSecretsAndUnsupportedDigitCounts() {
        #expect(throws: SecurityError.invalidParameter) { try TOTP(secret: Array(repeating: 1, count: 15)) }
        #expect(throws: SecurityError.invalidParameter) { try TOTP(secret: Self.sha1Secret, digits: 5) }
        #expect(throws: SecurityError.invalidParameter) { try TOTP(secret: Self.sha1Secret, digits: 9) }
        #expect(throws: SecurityError.invalidParameter) { try TOTP(secret: Self.sha1Secret, period: 0) }
    }

    @Test func generatedSecretsAreTwentyRandomBytes() throws {
        let first = try TOTP.generateSecret()
        #expect(first.count == 20)
        #expect(try first != TOTP.generateSecret())
    }

    @Test func provisioningURICarriesTheBase32SecretAndPercentEncodedChineseIssuer() throws {
        let totp = try TOTP(secret: Self.sha1Secret)
        let uri = totp.provisioningURI(issuer: "检务云", account: "zhang.san@example.org")
        #expect(
            uri == "otpauth://totp/%E6%A3%80%E5%8A%A1%E4%BA%91:zhang.san%40example.org"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E6%A3%80%E5%8A%A1%E4%BA%91&algorithm=SHA1&digits=6&period=30")
        #expect(URL(string: uri) != nil)
    }
}
