import Dispatch
import Foundation
import Testing

@testable import Security

struct PasswordHasherTests {
    /// Small costs keep the suite fast; the recommended costs are exercised once below.
    let fast = PasswordHasher(parameters: .init(memoryKiB: 1024, iterations: 1, parallelism: 1))

    @Test func hashIsAnArgon2idPHCStringWithTheConfiguredCosts() throws {
        let encoded = try PasswordHasher().hash("correct horse")
        #expect(encoded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(!encoded.contains("correct horse"))
    }

    @Test func matchesTheReferenceImplementationKnownAnswer() throws {
        // phc-winner-argon2 test vector: argon2id v19, t=2, m=2^16 KiB, p=1, "password", salt "somesalt".
        let hasher = PasswordHasher(parameters: .init(memoryKiB: 65536, iterations: 2, parallelism: 1))
        let encoded = try hasher.hash("password", salt: Array("somesalt".utf8))
        #expect(encoded == "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")
    }

    @Test func verifyAcceptsTheRightPasswordAndRefusesOthers() throws {
        let encoded = try fast.hash("口令-密码")
        #expect(try fast.verify("口令-密码", against: encoded))
        #expect(try !fast.verify("口令-密码 ", against: encoded))
        #expect(try !fast.verify("", against: encoded))
    }

    @Test func samePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() throws {
        #expect(try fast.hash("same") != fast.hash("same"))
    }

    @Test func emptyPasswordHashesAndVerifies() throws {
        let encoded = try fast.hash("")
        #expect(try fast.verify("", against: encoded))
    }

    @Test func overlongPasswordIsRefusedBeforeHashing() {
        let long = String(repeating: "a", count: PasswordHasher.maximumPasswordByteCount + 1)
        #expect(throws: SecurityError.invalidParameter) { try fast.hash(long) }
    }

    @Test(arguments: [
        "", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=1024,t=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=1024,t=1,p=1$!!!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
    ])
    func verifyReportsACorruptStoredHashAsMalformed(stored: String) {
        #expect(throws: SecurityError.malformedPasswordHash) { try fast.verify("password", against: stored) }
    }

    @Test func needsRehashWhenStoredCostsAreWeakerThanCurrent() throws {
        let current = PasswordHasher()
        let weak = try fast.hash("pw")
        let same = try current.hash("pw")
        #expect(current.needsRehash(weak))
        #expect(!current.needsRehash(same))
        #expect(current.needsRehash("$2b$12$bcrypt-style-hash"))
        let stronger = PasswordHasher(parameters: .init(memoryKiB: 32768, iterations: 3, parallelism: 1))
        #expect(current.needsRehash(try PasswordHasher(parameters: .init(memoryKiB: 32768, iterations: 1, parallelism: 1)).hash("pw")))
        #expect(!current.needsRehash(try stronger.hash("pw")))
    }

    @Test func poolHashesAndVerifiesOffTheCallersThread() async throws {
        let pool = PasswordHashingPool(hasher: fast, width: 2)
        #expect(pool.width == 2)
        async let first = pool.hash("alpha")
        async let second = pool.hash("beta")
        let (alpha, beta) = try await (first, second)
        #expect(try await pool.verify("alpha", against: alpha))
        #expect(try await !pool.verify("alpha", against: beta))
    }

    @Test func poolRunsTheWorkOnItsOwnDispatchQueues() async throws {
        let pool = PasswordHashingPool(hasher: fast, width: 1)
        #expect(DispatchQueue.getSpecific(key: PasswordHashingPool.workerKey) == nil)
        let worker = try await pool.run { _ in DispatchQueue.getSpecific(key: PasswordHashingPool.workerKey) }
        #expect(worker == 0)
    }

    @Test func poolPassesErrorsThrough() async {
        let pool = PasswordHashingPool(hasher: fast, width: 1)
        await #expect(throws: SecurityError.malformedPasswordHash) { try await pool.verify("x", against: "not a hash") }
    }
}
