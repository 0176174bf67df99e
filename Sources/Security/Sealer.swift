import Foundation

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
