import Foundation

/// An evidence seal: proof that bytes (a recording, a transcript, a served document) are the ones the
/// procuratorate signed. Stored beside the file as JSON; anyone holding the public key can check it,
/// with this module or with `openssl dgst -sm3 -sigopt distid:1234567812345678 -verify pub.pem -signature sig.der file`.
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
