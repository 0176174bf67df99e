import CArgon2

/// Hashes and verifies passwords with argon2id (RFC 9106) through libargon2, stored as PHC strings:
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
///
/// Hashing and verifying are deliberately slow and memory-hard: each call blocks its thread for tens of
/// milliseconds and touches `memoryKiB` of RAM. Never call them on an HTTP event loop or in Swift's cooperative pool; use
/// ``PasswordHashingPool``, which runs them on dedicated dispatch queues. The password is never logged,
/// stored or returned, and no error description contains it.
public struct PasswordHasher: Sendable {
    /// argon2id cost parameters.
    public struct Parameters: Hashable, Sendable, CustomStringConvertible {
        /// Memory in KiB (argon2's `m`).
        public var memoryKiB: UInt32
        /// Passes over memory (argon2's `t`).
        public var iterations: UInt32
        /// Lanes (argon2's `p`).
        public var parallelism: UInt32

        public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
            self.memoryKiB = memoryKiB
            self.iterations = iterations
            self.parallelism = parallelism
        }

        /// m = 19 MiB, t = 2, p = 1: OWASP Password Storage Cheat Sheet's baseline argon2id setting.
        /// Cost on the 2-core EPYC dev machine (libargon2 20171227): hash 21–39 ms, verify 19–37 ms when idle
        /// (shared c-libraries recipe); 62–160 ms, median ~85 ms, measured while other builds kept the load average
        /// near 7. m = 64 MiB, t = 3 costs 160–190 ms idle. Why not more: the target is one 2-core server for a whole city procuratorate; every
        /// login holds a core for the whole hash, so ~30 ms keeps a burst of 100 logins under 2 s while an offline
        /// attacker still pays 19 MiB and two passes per guess. p = 1 because a second lane would take the other core.
        /// Raise `memoryKiB` first if hardware allows; ``PasswordHasher/needsRehash(_:)`` then upgrades old hashes at login.
        public static let recommended = Parameters(memoryKiB: 19 * 1024, iterations: 2, parallelism: 1)

        public var description: String { "m=\(memoryKiB),t=\(iterations),p=\(parallelism)" }

        /// True when every cost is at least the other's, i.e. this setting is no weaker.
        func isAtLeast(_ other: Parameters) -> Bool {
            memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism
        }
    }

    /// Bytes of random salt per hash (RFC 9106 recommends 16).
    public static let saltByteCount = 16
    /// Bytes of derived hash (RFC 9106 recommends 32).
    public static let hashByteCount = 32
    /// Longest password accepted, in UTF-8 bytes: bounds the work an unauthenticated request can cause.
    public static let maximumPasswordByteCount = 1024
    /// Stored hashes asking for more memory than this are refused before verifying, so a tampered row cannot exhaust RAM.
    static let maximumAcceptedMemoryKiB: UInt32 = 1 << 20

    public let parameters: Parameters

    public init(parameters: Parameters = .recommended) {
        self.parameters = parameters
    }

    /// Hashes `password` with a fresh random salt and returns the PHC string to store.
    /// - Throws: ``SecurityError/invalidParameter`` for an over-long password, ``SecurityError/passwordHashingFailed``.
    public func hash(_ password: String) throws -> String {
        let salt = try SecureRandom.bytes(count: Self.saltByteCount)
        return try hash(password, salt: salt)
    }

    /// Hashes with a given salt: for known-answer tests only; production code uses ``hash(_:)``.
    func hash(_ password: String, salt: [UInt8]) throws -> String {
        let passwordBytes = Array(password.utf8)
        guard passwordBytes.count <= Self.maximumPasswordByteCount else {
            throw SecurityError.invalidParameter.with(detail: "password longer than \(Self.maximumPasswordByteCount) bytes")
        }
        let p = parameters
        let encodedLength = argon2_encodedlen(
            p.iterations, p.memoryKiB, p.parallelism, UInt32(salt.count), UInt32(Self.hashByteCount), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let status = OpenSSLSupport.withNonNullBytes(passwordBytes) { passwordPointer, passwordCount in
            salt.withUnsafeBytes { saltBuffer in
                argon2id_hash_encoded(
                    p.iterations, p.memoryKiB, p.parallelism, passwordPointer, passwordCount,
                    saltBuffer.baseAddress, salt.count, Self.hashByteCount, &encoded, encodedLength)
            }
        }
        guard status == ARGON2_OK.rawValue else {
            throw SecurityError.passwordHashingFailed.with(detail: String(cString: argon2_error_message(status)))
        }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Checks `password` against a stored PHC string. libargon2 compares the hashes in constant time.
    /// - Returns: true only when the password matches.
    /// - Throws: ``SecurityError/malformedPasswordHash`` when `encodedHash` is not an argon2id PHC string this
    ///   module accepts (corrupt row), so a broken store is not mistaken for a wrong password.
    public func verify(_ password: String, against encodedHash: String) throws -> Bool {
        let stored = try PHCString(parsing: encodedHash)
        guard stored.parameters.memoryKiB <= Self.maximumAcceptedMemoryKiB else {
            throw SecurityError.malformedPasswordHash.with(detail: "memory cost above \(Self.maximumAcceptedMemoryKiB) KiB")
        }
        let passwordBytes = Array(password.utf8)
        guard passwordBytes.count <= Self.maximumPasswordByteCount else { return false }
        let status = OpenSSLSupport.withNonNullBytes(passwordBytes) { pointer, count in
            argon2id_verify(encodedHash, pointer, count)
        }
        switch status {
        case ARGON2_OK.rawValue: return true
        case ARGON2_VERIFY_MISMATCH.rawValue: return false
        case ARGON2_DECODING_FAIL.rawValue, ARGON2_DECODING_LENGTH_FAIL.rawValue, ARGON2_INCORRECT_TYPE.rawValue:
            throw SecurityError.malformedPasswordHash.with(detail: String(cString: argon2_error_message(status)))
        default:
            throw SecurityError.passwordHashingFailed.with(detail: String(cString: argon2_error_message(status)))
        }
    }

    /// True when a stored hash should be replaced at the next successful login: it is not argon2id v19, any of
    /// its costs is below ``parameters``, or it cannot be read at all.
    public func needsRehash(_ encodedHash: String) -> Bool {
        guard let stored = try? PHCString(parsing: encodedHash) else { return true }
        return !stored.parameters.isAtLeast(parameters) || stored.hashByteCount < Self.hashByteCount
    }
}
