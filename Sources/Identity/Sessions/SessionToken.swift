import Security

/// A session's secret as the browser holds it, and the digest the store keeps: a stolen database holds no usable token.
struct SessionToken: Sendable {
    let value: String

    static func generate() throws -> SessionToken { SessionToken(value: try SecureRandom.token(byteCount: 32)) }

    var storageID: String { SHA256.hexDigest(Array(value.utf8)) }
}
