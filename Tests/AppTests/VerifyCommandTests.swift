import App
import Evidence
import Foundation
import Security
import Testing

/// `jianwu verify FILE`: 0 for an intact sealed file, 1 once it changes; with the data directory's key or a published one.
struct VerifyCommandTests {
    @Test func verifyAcceptsAnIntactSealedFileAndRefusesAChangedOne() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = try SealKeyStore.open(dataDirectory: directory)
        let file = directory.appending(path: "recording.webm")
        try Data([0x1A, 0x45, 0xDF, 0xA3, 1, 2, 3]).write(to: file)
        try SealedFiles.seal(file, with: keys.sealer)
        let publicKey = directory.appending(path: "public.pem")
        try keys.publicKey.pemRepresentation().write(to: publicKey, atomically: true, encoding: .utf8)

        #expect(await CommandLineTool.run(arguments: ["verify", file.path, "--data-dir", directory.path], environment: [:]) == 0)
        #expect(await CommandLineTool.run(arguments: ["verify", file.path, "--public-key", publicKey.path], environment: [:]) == 0)
        try Data([0x1A, 0x45, 0xDF, 0xA3, 1, 2, 4]).write(to: file)
        #expect(await CommandLineTool.run(arguments: ["verify", file.path, "--public-key", publicKey.path], environment: [:]) == 1)
        #expect(await CommandLineTool.run(arguments: ["verify"], environment: [:]) == 2)
    }
}
