import Foundation
import Security
import Testing

struct SecureRandomTests {
    @Test func returnsTheRequestedNumberOfBytesAndDiffersBetweenCalls() throws {
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
        let first = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32)
        #expect(try first != SecureRandom.bytes(count: 32))
    }

    @Test func tokensAreUnpaddedBase64URLOfTheRequestedEntropy() throws {
        let token = try SecureRandom.token()
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try Base64URL.decode(token).count == 32)
    }

    @Test func refusesANegativeCount() {
        #expect(throws: SecurityError.invalidParameter) { try SecureRandom.bytes(count: -1) }
    }

    @Test func constantTimeEqualsComparesContentAndLength() {
        #expect(ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2, 4] as [UInt8]))
        #expect(!ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2] as [UInt8]))
        #expect(ConstantTime.equals("token", "token"))
        #expect(!ConstantTime.equals("token", "tokeN"))
    }
}
