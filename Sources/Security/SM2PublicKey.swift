import CCrypto

/// An SM2 public key: verifies seals; anyone may hold it.
public struct SM2PublicKey: Sendable, Equatable {
    let key: EVPKey
    /// SubjectPublicKeyInfo DER.
    public let derRepresentation: [UInt8]

    /// Reads SubjectPublicKeyInfo DER.
    public init(derRepresentation der: [UInt8]) throws {
        guard !der.isEmpty, der.count < Int(Int32.max) else { throw SecurityError.invalidKey }
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let parsed else { throw SecurityError.invalidKey.with(detail: OpenSSLSupport.drainErrors()) }
        try self.init(key: EVPKey(taking: parsed))
    }

    /// Reads a `-----BEGIN PUBLIC KEY-----` PEM (SubjectPublicKeyInfo), as `openssl pkey -pubout` writes it.
    public init(pemRepresentation pem: String) throws {
        try self.init(key: EVPKey.readPEM(pem) { PEM_read_bio_PUBKEY($0, nil, refusePassphrase, nil) })
    }

    private init(key: EVPKey) throws {
        guard key.isSM2 else { throw SecurityError.invalidKey.with(detail: "not an SM2 key") }
        self.key = key
        self.derRepresentation = try key.publicKeyDER()
    }

    /// The key as SubjectPublicKeyInfo PEM.
    public func pemRepresentation() throws -> String {
        try EVPKey.writePEM { PEM_write_bio_PUBKEY($0, key.pointer) }
    }

    /// The key identifier used in seals: lower-case hex SM3 of the SubjectPublicKeyInfo DER.
    public var keyID: String { SM3.hexDigest(derRepresentation) }

    /// True only when `signature` (DER) is a valid SM2-with-SM3 signature of `data` under this key.
    public func isValidSignature(_ signature: [UInt8], for data: some Collection<UInt8>) -> Bool {
        guard let operation = try? SM2Operation(key: key, signing: false), (try? operation.update(data)) != nil else { return false }
        return operation.isValid(signature: signature)
    }

    public static func == (lhs: SM2PublicKey, rhs: SM2PublicKey) -> Bool { lhs.derRepresentation == rhs.derRepresentation }
}
