/// An error from a cryptographic building block: hashing, key handling, signing, token or seal checks.
///
/// A struct with a private enum and static members so new reasons can be added without breaking callers
/// (STYLE §6). `description` never carries secrets: no password, key material or token text.
public struct SecurityError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: String, Sendable {
        case cryptoLibraryFailure
        case passwordHashingFailed
        case malformedPasswordHash
        case invalidKey
        case invalidPEM
        case invalidEncoding
        case invalidParameter
        case signatureInvalid
        case sealDigestMismatch
        case sealKeyMismatch
        case unsupportedAlgorithm
        case randomSourceFailure
        case tokenMalformed
        case tokenExpired
    }

    private let code: Code
    /// Extra context for operators (an OpenSSL error string, a field name). Never secret material.
    public let detail: String

    private init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    /// The stable reason code, e.g. `"sealDigestMismatch"`, for logs and API responses.
    public var reason: String { code.rawValue }

    public var description: String { detail.isEmpty ? "SecurityError(\(code.rawValue))" : "SecurityError(\(code.rawValue)): \(detail)" }

    public static func == (lhs: SecurityError, rhs: SecurityError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// OpenSSL or libargon2 reported a failure that is not the caller's fault.
    public static let cryptoLibraryFailure = SecurityError(.cryptoLibraryFailure)
    public static let passwordHashingFailed = SecurityError(.passwordHashingFailed)
    /// A stored password hash is not an argon2id PHC string this module can read.
    public static let malformedPasswordHash = SecurityError(.malformedPasswordHash)
    public static let invalidKey = SecurityError(.invalidKey)
    public static let invalidPEM = SecurityError(.invalidPEM)
    /// Hex, base32 or base64 text that does not decode.
    public static let invalidEncoding = SecurityError(.invalidEncoding)
    public static let invalidParameter = SecurityError(.invalidParameter)
    public static let signatureInvalid = SecurityError(.signatureInvalid)
    /// The data's SM3 digest differs from the one recorded in the seal.
    public static let sealDigestMismatch = SecurityError(.sealDigestMismatch)
    /// The seal names a different key than the one offered for verification.
    public static let sealKeyMismatch = SecurityError(.sealKeyMismatch)
    public static let unsupportedAlgorithm = SecurityError(.unsupportedAlgorithm)
    public static let randomSourceFailure = SecurityError(.randomSourceFailure)
    public static let tokenMalformed = SecurityError(.tokenMalformed)
    public static let tokenExpired = SecurityError(.tokenExpired)

    /// The same reason with operator-facing context attached (equality still compares the reason only).
    func with(detail: String) -> SecurityError { SecurityError(code, detail) }
}
