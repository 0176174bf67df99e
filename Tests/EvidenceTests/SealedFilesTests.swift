import Evidence
import Foundation
import Security
import Testing

/// A sealed file verifies with the published key and fails once a byte changes or another key is used.
struct SealedFilesTests {
    @Test func aSealedFileVerifiesUntilItChanges() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-evidence-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = try SealKeyStore.open(dataDirectory: directory)
        #expect(try SealKeyStore.open(dataDirectory: directory).publicKey == keys.publicKey, "the key is created once")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.appending(path: "keys/seal-sm2.pem").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let file = directory.appending(path: "笔录.pdf")
        try Data("%PDF-1.4 transcript".utf8).write(to: file)
        let seal = try SealedFiles.seal(file, with: keys.sealer)
        #expect(seal.digestHex == SM3.hexDigest(Array("%PDF-1.4 transcript".utf8)))
        #expect(SealedFiles.verify(file, publicKey: keys.publicKey).valid)

        let other = try SealKeyStore.open(dataDirectory: directory.appending(path: "other"))
        #expect(!SealedFiles.verify(file, publicKey: other.publicKey).valid)

        try Data("%PDF-1.4 transcripT".utf8).write(to: file)
        let verdict = SealedFiles.verify(file, publicKey: keys.publicKey)
        #expect(!verdict.valid)
        #expect(verdict.message.hasPrefix("签章无效"))
    }
}
