import Foundation
import Security
import Testing

/// Proves that seals made here verify with the `openssl` CLI and the reverse, as an outside auditor would check them.
/// Skipped when no `openssl` binary is installed.
@Suite(.enabled(if: OpenSSLCLI.path != nil, "openssl binary not installed"))
struct OpenSSLInteropTests {
    @Test func opensslCLIVerifiesOurSignature() throws {
        let directory = try TemporaryFiles.directory()
        let key = try SM2PrivateKey.generate()
        let data = Array("起诉书 (2026) 第001号\n".utf8)
        let file = try TemporaryFiles.write(data, named: "document.txt", in: directory)
        let signature = try TemporaryFiles.write(try key.signature(for: data), named: "document.sig", in: directory)
        let publicPEM = try TemporaryFiles.write(Array(try key.publicKey().pemRepresentation().utf8), named: "pub.pem", in: directory)

        let result = try OpenSSLCLI.run(["dgst", "-sm3", "-sigopt", OpenSSLCLI.distinguishingID, "-verify", publicPEM, "-signature", signature, file])
        #expect(result.status == 0)
        #expect(result.output.contains("Verified OK"))

        let tampered = try TemporaryFiles.write(Array("起诉书 (2026) 第002号\n".utf8), named: "tampered.txt", in: directory)
        let refused = try OpenSSLCLI.run([
            "dgst", "-sm3", "-sigopt", OpenSSLCLI.distinguishingID, "-verify", publicPEM, "-signature", signature, tampered,
        ])
        #expect(refused.status != 0)
    }

    @Test func weVerifyASignatureMadeByTheOpensslCLI() throws {
        let directory = try TemporaryFiles.directory()
        let keyPath = directory + "/key.pem"
        #expect(try OpenSSLCLI.run(["genpkey", "-algorithm", "SM2", "-out", keyPath]).status == 0)
        let data = Array("rec-2026-001.webm bytes".utf8)
        let file = try TemporaryFiles.write(data, named: "data.bin", in: directory)
        let signaturePath = directory + "/data.sig"
        #expect(
            try OpenSSLCLI.run(["dgst", "-sm3", "-sigopt", OpenSSLCLI.distinguishingID, "-sign", keyPath, "-out", signaturePath, file]).status == 0)

        let key = try SM2PrivateKey(pemRepresentation: String(contentsOfFile: keyPath, encoding: .utf8))
        let signature = [UInt8](try Data(contentsOf: URL(fileURLWithPath: signaturePath)))
        #expect(try key.publicKey().isValidSignature(signature, for: data))
    }
}

enum OpenSSLCLI {
    /// The GM/T 0009 default ID, passed explicitly: OpenSSL 3.0's CLI otherwise signs and verifies with an empty ID.
    static let distinguishingID = "distid:1234567812345678"
    static let path: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
