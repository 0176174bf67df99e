import Foundation

/// Janus signed tokens (`token_auth_secret` in janus.jcfg): `data = "<expiry>,<realm>,<item>,…"` and
/// `token = data + ":" + base64(HMAC-SHA1(secret, data))`. The signature covers the whole data string.
///
/// - Core token: realm `janus`, items = plugins the holder may attach to (`janus.plugin.videoroom`).
/// - Room token: realm `janus.plugin.videoroom`, item `room=<id>`, for rooms created with `signed_tokens = true`.
public enum HMACToken {
    /// What a verified token grants.
    public struct Claims: Hashable, Sendable {
        /// Unix time (seconds) after which Janus refuses the token.
        public let expiry: UInt64
        public let realm: String
        public let items: [String]
    }

    /// Mints a token.
    /// - Throws: ``SecurityError/invalidParameter`` when the realm or an item is empty or contains `,` or `:`
    ///   (they would change how Janus splits the token).
    public static func mint(secret: String, expiry: UInt64, realm: String, items: [String]) throws -> String {
        for field in [realm] + items {
            guard !field.isEmpty, !field.contains(","), !field.contains(":") else {
                throw SecurityError.invalidParameter.with(detail: "token field must be non-empty without ',' or ':'")
            }
        }
        let data = ([String(expiry), realm] + items).joined(separator: ",")
        return data + ":" + signature(secret: secret, data: data)
    }

    /// Verifies a token as Janus does: the signature, the realm, and the expiry against `now`.
    /// - Throws: ``SecurityError/tokenMalformed``, ``SecurityError/signatureInvalid`` (wrong secret or edited data),
    ///   ``SecurityError/tokenExpired``.
    public static func verify(_ token: String, secret: String, realm: String, now: UInt64) throws -> Claims {
        guard let colon = token.firstIndex(of: ":") else { throw SecurityError.tokenMalformed }
        let data = String(token[..<colon])
        let presented = String(token[token.index(after: colon)...])
        guard ConstantTime.equals(presented, signature(secret: secret, data: data)) else { throw SecurityError.signatureInvalid }
        let fields = data.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2, let expiry = UInt64(fields[0]) else { throw SecurityError.tokenMalformed }
        guard fields[1] == realm else { throw SecurityError.tokenMalformed.with(detail: "realm differs") }
        guard expiry >= now else { throw SecurityError.tokenExpired }
        return Claims(expiry: expiry, realm: fields[1], items: Array(fields.dropFirst(2)))
    }

    private static func signature(secret: String, data: String) -> String {
        Data(HMAC.authenticationCode(.sha1, key: Array(secret.utf8), message: Array(data.utf8))).base64EncodedString()
    }
}
