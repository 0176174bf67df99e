import Foundation

/// An evidence seal: proof that bytes (a recording, a transcript, a served document) are the ones the
/// procuratorate signed. Stored beside the file as JSON; anyone holding the public key can check it,
/// with this module or with `openssl dgst -sm3 -verify pub.pem -signature sig.der file`.
public struct Seal: Codable, Hashable, Sendable {
    /// The only algorithm so far: SM2 signature over SM3 (distinguishing ID 1234567812345678).
    public static let sm2WithSM3 = "SM2-SM3"

    /// The signing algorithm, ``sm2WithSM3``.
    public var algorithm: String
    /// Lower-case hex SM3 of the sealed bytes: lets a reader spot a changed file without the key.
    public var digestHex: String
    /// Standard base64 of the DER SM2 signature over the sealed bytes themselves.
    public var signatureBase64: String
    /// ``SM2PublicKey/keyID`` of the signing key: SM3 hex of its SubjectPublicKeyInfo DER.
    public var keyID: String

    public init(algorithm: String, digestHex: String, signatureBase64: String, keyID: String) {
        self.algorithm = algorithm
        self.digestHex = digestHex
        self.signatureBase64 = signatureBase64
        self.keyID = keyID
    }

    /// The DER signature, decoded from ``signatureBase64``.
    public func signatureDER() throws -> [UInt8] {
        guard let data = Data(base64Encoded: signatureBase64) else { throw SecurityError.invalidEncoding.with(detail: "seal signature") }
        return [UInt8](data)
    }
}

/// Seals bytes with the procuratorate's SM2 private key.
public struct Sealer: Sendable {
    public let privateKey: SM2PrivateKey
    public let publicKey: SM2PublicKey

    public init(privateKey: SM2PrivateKey) throws {
        self.privateKey = privateKey
        self.publicKey = try privateKey.publicKey()
    }

    /// Seals in-memory data.
    public func seal(data: some Collection<UInt8>) throws -> Seal {
        let signature = try privateKey.signature(for: data)
        return makeSeal(digest: SM3.hash(data), signature: signature)
    }

    /// Seals a file, reading it once in 1 MiB chunks (the digest and the signature are fed together).
    public func seal(fileAt path: String) throws -> Seal {
        let operation = try SM2Operation(key: privateKey.key, signing: true)
        var digest = MessageDigest(.sm3)
        try FileChunks.forEach(path: path) { chunk in
            digest.update(chunk)
            try operation.update(chunk)
        }
        return makeSeal(digest: digest.finalize(), signature: try operation.signature())
    }

    private func makeSeal(digest: [UInt8], signature: [UInt8]) -> Seal {
        Seal(
            algorithm: Seal.sm2WithSM3, digestHex: Hex.encode(digest), signatureBase64: Data(signature).base64EncodedString(),
            keyID: publicKey.keyID)
    }
}

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
