import Foundation
import Security
import Testing

struct SM2Tests {
    @Test func signatureVerifiesWithTheMatchingPublicKey() throws {
        let key = try SM2PrivateKey.generate()
        let data = Array("讯问笔录 第1页".utf8)
        let signature = try key.signature(for: data)
        #expect(signature.first == 0x30, "DER SEQUENCE")
        #expect(try key.publicKey().isValidSignature(signature, for: data))
    }

    @Test func tamperedDataOrSignatureOrOtherKeyFailsVerification() throws {
        let key = try SM2PrivateKey.generate()
        let data = Array("original".utf8)
        let signature = try key.signature(for: data)
        let publicKey = try key.publicKey()
        #expect(!publicKey.isValidSignature(signature, for: Array("originaL".utf8)))
        var flipped = signature
        flipped[flipped.count - 1] ^= 0x01
        #expect(!publicKey.isValidSignature(flipped, for: data))
        #expect(!publicKey.isValidSignature([], for: data))
        #expect(try !SM2PrivateKey.generate().publicKey().isValidSignature(signature, for: data))
    }

    @Test func privateAndPublicKeysRoundTripThroughPEM() throws {
        let key = try SM2PrivateKey.generate()
        let privatePEM = try key.pemRepresentation()
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let publicPEM = try key.publicKey().pemRepresentation()
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))

        let reloaded = try SM2PrivateKey(pemRepresentation: privatePEM)
        let reloadedPublic = try SM2PublicKey(pemRepresentation: publicPEM)
        #expect(try reloaded.publicKey() == key.publicKey())
        #expect(reloadedPublic == (try key.publicKey()))
        let data = Array("round trip".utf8)
        #expect(reloadedPublic.isValidSignature(try reloaded.signature(for: data), for: data))
    }

    @Test func keyIDIsSM3OfThePublicKeyDER() throws {
        let publicKey = try SM2PrivateKey.generate().publicKey()
        #expect(publicKey.keyID == SM3.hexDigest(publicKey.derRepresentation))
        #expect(try SM2PublicKey(derRepresentation: publicKey.derRepresentation) == publicKey)
    }

    @Test func garbageAndNonSM2KeysAreRefused() throws {
        #expect(throws: SecurityError.invalidPEM) {
            try SM2PrivateKey(pemRepresentation: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        }
        #expect(throws: SecurityError.invalidPEM) { try SM2PublicKey(pemRepresentation: "") }
        #expect(throws: SecurityError.invalidKey) { try SM2PublicKey(derRepresentation: [0x30, 0x00]) }
        // A P-256 key is a valid EC key but not SM2: signing with it would silently produce ECDSA.
        let p256 =
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBjtQ5gR75BbhXCc2cmZQaX6Y1pMB\n"
            + "nOeVzgYV9zuy32iXoWABmLTRXsCB5g4VtY9lwih1RRNm0nLT3JKV1mqeqg==\n-----END PUBLIC KEY-----\n"
        #expect(throws: SecurityError.invalidKey) { try SM2PublicKey(pemRepresentation: p256) }
    }
}
