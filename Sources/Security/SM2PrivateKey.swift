import CCrypto

/// An SM2 private key (GB/T 32918) for signing seals. Keep it out of logs; export only to protected storage.
public struct SM2PrivateKey: Sendable {
    let key: EVPKey

    private init(key: EVPKey) throws {
        guard key.isSM2 else { throw SecurityError.invalidKey.with(detail: "not an SM2 key") }
        self.key = key
    }

    /// Generates a new key pair from OpenSSL's DRBG.
    public static func generate() throws -> SM2PrivateKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "SM2", nil) else { throw OpenSSLSupport.failure("EVP_PKEY_CTX_new_from_name(SM2)") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw OpenSSLSupport.failure("EVP_PKEY_keygen_init") }
        var generated: OpaquePointer?
        guard EVP_PKEY_generate(context, &generated) == 1, let generated else { throw OpenSSLSupport.failure("EVP_PKEY_generate") }
        return try SM2PrivateKey(key: EVPKey(taking: generated))
    }

    /// Reads an unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), as written by ``pemRepresentation()``
    /// or `openssl genpkey -algorithm SM2`.
    /// - Throws: ``SecurityError/invalidPEM``, or ``SecurityError/invalidKey`` for a key that is not SM2.
    public init(pemRepresentation pem: String) throws {
        try self.init(key: EVPKey.readPEM(pem) { PEM_read_bio_PrivateKey($0, nil, refusePassphrase, nil) })
    }

    /// The key as unencrypted PKCS#8 PEM.
    public func pemRepresentation() throws -> String {
        try EVPKey.writePEM { PEM_write_bio_PrivateKey($0, key.pointer, nil, nil, 0, nil, nil) }
    }

    /// The matching public key.
    public func publicKey() throws -> SM2PublicKey {
        try SM2PublicKey(derRepresentation: key.publicKeyDER())
    }

    /// Signs `data` with SM2 over SM3 (distinguishing ID 1234567812345678) and returns the DER signature.
    public func signature(for data: some Collection<UInt8>) throws -> [UInt8] {
        let operation = try SM2Operation(key: key, signing: true)
        try operation.update(data)
        return try operation.signature()
    }
}
