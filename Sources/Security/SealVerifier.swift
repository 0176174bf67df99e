/// Checks seals against a trusted SM2 public key.
public struct SealVerifier: Sendable {
    public let publicKey: SM2PublicKey

    public init(publicKey: SM2PublicKey) {
        self.publicKey = publicKey
    }

    /// Throws unless `seal` is a valid seal of `data` by ``publicKey``.
    /// - Throws: ``SecurityError/unsupportedAlgorithm``, ``SecurityError/sealKeyMismatch`` (sealed by another key),
    ///   ``SecurityError/sealDigestMismatch`` (the data changed), ``SecurityError/signatureInvalid`` (forged or damaged signature).
    public func verify(data: some Collection<UInt8>, seal: Seal) throws {
        try checkHeader(of: seal)
        guard Hex.encode(SM3.hash(data)) == seal.digestHex.lowercased() else { throw SecurityError.sealDigestMismatch }
        guard publicKey.isValidSignature(try seal.signatureDER(), for: data) else { throw SecurityError.signatureInvalid }
    }

    /// ``verify(data:seal:)`` for a file, read once in chunks.
    public func verify(fileAt path: String, seal: Seal) throws {
        try checkHeader(of: seal)
        let signature = try seal.signatureDER()
        let operation = try SM2Operation(key: publicKey.key, signing: false)
        var digest = MessageDigest(.sm3)
        try FileChunks.forEach(path: path) { chunk in
            digest.update(chunk)
            try operation.update(chunk)
        }
        guard Hex.encode(digest.finalize()) == seal.digestHex.lowercased() else { throw SecurityError.sealDigestMismatch }
        guard operation.isValid(signature: signature) else { throw SecurityError.signatureInvalid }
    }

    /// True when ``verify(data:seal:)`` would not throw.
    public func isValid(data: some Collection<UInt8>, seal: Seal) -> Bool {
        (try? verify(data: data, seal: seal)) != nil
    }

    private func checkHeader(of seal: Seal) throws {
        guard seal.algorithm == Seal.sm2WithSM3 else { throw SecurityError.unsupportedAlgorithm.with(detail: seal.algorithm) }
        guard seal.keyID.lowercased() == publicKey.keyID else { throw SecurityError.sealKeyMismatch }
    }
}
