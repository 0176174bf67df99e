public import Foundation

/// Time-based one-time passwords (RFC 6238) for second-factor login.
///
/// Verification accepts the current 30-second step and one step either side (clock drift), and refuses any step
/// at or before the last one accepted for the user, so a code seen over a shoulder cannot be replayed:
/// ```swift
/// if let step = totp.verify(code, at: .now, lastAcceptedStep: user.lastTOTPStep) {
///     user.lastTOTPStep = step   // store it with the login
/// }
/// ```
public struct TOTP: Sendable {
    /// Shortest secret accepted: RFC 4226 §4 requires at least 128 bits.
    public static let minimumSecretByteCount = 16

    public let secret: [UInt8]
    public let digits: Int
    /// Step length in seconds (RFC 6238's X).
    public let period: UInt64
    public let hash: HMAC.Hash

    /// - Throws: ``SecurityError/invalidParameter`` for a secret under 128 bits, digits other than 6–8, or a zero period.
    public init(secret: [UInt8], digits: Int = 6, period: UInt64 = 30, hash: HMAC.Hash = .sha1) throws {
        guard secret.count >= Self.minimumSecretByteCount else { throw SecurityError.invalidParameter.with(detail: "TOTP secret under 128 bits") }
        guard (6...8).contains(digits) else { throw SecurityError.invalidParameter.with(detail: "TOTP digits must be 6 to 8") }
        guard period > 0 else { throw SecurityError.invalidParameter.with(detail: "TOTP period must be positive") }
        self.secret = secret
        self.digits = digits
        self.period = period
        self.hash = hash
    }

    /// A new random secret: 20 bytes, the HMAC-SHA1 block-size recommendation of RFC 4226 §4.
    public static func generateSecret(byteCount: Int = 20) throws -> [UInt8] {
        try SecureRandom.bytes(count: max(byteCount, minimumSecretByteCount))
    }

    /// The step number for a Unix time: floor(seconds / period) (RFC 6238 §4.2, T0 = 0).
    public func step(atUnixTime seconds: UInt64) -> UInt64 { seconds / period }

    public func step(at date: Date) -> UInt64 { step(atUnixTime: UInt64(max(0, date.timeIntervalSince1970))) }

    /// The code for a step.
    public func code(forStep step: UInt64) -> String { HOTP.code(secret: secret, counter: step, digits: digits, hash: hash) }

    public func code(atUnixTime seconds: UInt64) -> String { code(forStep: step(atUnixTime: seconds)) }

    public func code(at date: Date) -> String { code(forStep: step(at: date)) }

    /// Checks a code typed by the user.
    /// - Parameters:
    ///   - code: the digits as typed (exactly ``digits`` ASCII digits, else refused).
    ///   - seconds: the server's Unix time.
    ///   - lastAcceptedStep: the step returned by the user's previous successful verification, or nil for none.
    ///   - window: steps accepted either side of the current one (1 = ±30 s).
    /// - Returns: the accepted step, to store as the next `lastAcceptedStep`; nil when the code is wrong, out of
    ///   the window, or replays a step at or before `lastAcceptedStep`.
    public func verify(_ code: String, atUnixTime seconds: UInt64, lastAcceptedStep: UInt64?, window: UInt64 = 1) -> UInt64? {
        let typed = Array(code.utf8)
        guard typed.count == digits, typed.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        let current = step(atUnixTime: seconds)
        let earliest = current >= window ? current - window : 0
        var accepted: UInt64?
        for candidate in earliest...(current + window) {
            if let last = lastAcceptedStep, candidate <= last { continue }
            // Every candidate is compared, and in constant time, so timing does not reveal which step matched.
            if ConstantTime.equals(Array(self.code(forStep: candidate).utf8), typed), accepted == nil {
                accepted = candidate
            }
        }
        return accepted
    }

    public func verify(_ code: String, at date: Date, lastAcceptedStep: UInt64?, window: UInt64 = 1) -> UInt64? {
        verify(code, atUnixTime: UInt64(max(0, date.timeIntervalSince1970)), lastAcceptedStep: lastAcceptedStep, window: window)
    }
}
