import Foundation
import Security
import Testing

struct SealTests {
    let sealer: Sealer
    let verifier: SealVerifier

    init() throws {
        sealer = try Sealer(privateKey: SM2PrivateKey.generate())
        verifier = SealVerifier(publicKey: sealer.publicKey)
    }

    @Test func sealRecordsAlgorithmDigestAndKeyIDAndVerifies() throws {
        let data = Array("transcript v3".utf8)
        let seal = try sealer.seal(data: data)
        #expect(seal.algorithm == "SM2-SM3")
        #expect(seal.digestHex == SM3.hexDigest(data))
        #expect(seal.keyID == sealer.publicKey.keyID)
        try verifier.verify(data: data, seal: seal)
        #expect(verifier.isValid(data: data, seal: seal))
    }

    @Test func tamperedDataFailsWithDigestMismatch() throws {
        let seal = try sealer.seal(data: Array("amount: 5000".utf8))
        #expect(throws: SecurityError.sealDigestMismatch) { try verifier.verify(data: Array("amount: 9000".utf8), seal: seal) }
    }

    @Test func dataAndDigestChangedTogetherStillFailOnTheSignature() throws {
        var seal = try sealer.seal(data: Array("amount: 5000".utf8))
        let forged = Array("amount: 9000".utf8)
        seal.digestHex = SM3.hexDigest(forged)
        #expect(throws: SecurityError.signatureInvalid) { try verifier.verify(data: forged, seal: seal) }
    }

    @Test func tamperedSignatureFails() throws {
        let data = Array("x".utf8)
        var seal = try sealer.seal(data: data)
        var signature = try seal.signatureDER()
        signature[signature.count / 2] ^= 0x40
        seal.signatureBase64 = Data(signature).base64EncodedString()
        #expect(throws: SecurityError.signatureInvalid) { try verifier.verify(data: data, seal: seal) }
        seal.signatureBase64 = "%%%"
        #expect(throws: SecurityError.invalidEncoding) { try verifier.verify(data: data, seal: seal) }
    }

    @Test func sealByAnotherKeyFailsWithKeyMismatch() throws {
        let data = Array("x".utf8)
        let other = try Sealer(privateKey: SM2PrivateKey.generate())
        #expect(throws: SecurityError.sealKeyMismatch) { try verifier.verify(data: data, seal: other.seal(data: data)) }
    }

    @Test func unknownAlgorithmIsRefused() throws {
        let data = Array("x".utf8)
        var seal = try sealer.seal(data: data)
        seal.algorithm = "RSA-SHA1"
        #expect(throws: SecurityError.unsupportedAlgorithm) { try verifier.verify(data: data, seal: seal) }
    }

    @Test func fileSealEqualsDataSealDigestAndVerifiesBothWays() throws {
        let bytes = (0..<(2 << 20) + 3).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = try TemporaryFiles.write(bytes, named: "recording.webm")
        let seal = try sealer.seal(fileAt: path)
        #expect(seal.digestHex == SM3.hexDigest(bytes))
        try verifier.verify(fileAt: path, seal: seal)
        try verifier.verify(data: bytes, seal: try sealer.seal(data: bytes))
        try verifier.verify(fileAt: path, seal: try sealer.seal(data: bytes))

        var changed = bytes
        changed[1 << 20] ^= 1
        let changedPath = try TemporaryFiles.write(changed, named: "recording.webm")
        #expect(throws: SecurityError.sealDigestMismatch) { try verifier.verify(fileAt: changedPath, seal: seal) }
    }

    @Test func emptyDataCanBeSealedAndVerified() throws {
        let seal = try sealer.seal(data: [UInt8]())
        try verifier.verify(data: [UInt8](), seal: seal)
        #expect(throws: SecurityError.sealDigestMismatch) { try verifier.verify(data: [0], seal: seal) }
    }

    @Test func sealRoundTripsThroughJSON() throws {
        let seal = try sealer.seal(data: Array("x".utf8))
        let decoded = try JSONDecoder().decode(Seal.self, from: JSONEncoder().encode(seal))
        #expect(decoded == seal)
    }
}
