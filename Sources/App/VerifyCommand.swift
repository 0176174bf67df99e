import Evidence
import Foundation
import Security

/// `jianwu verify FILE`: checks a sealed file against its seal (`FILE.seal.json` unless `--seal` is given) and the
/// procuratorate's public key (from the data directory, or `--public-key` for someone holding only the published key).
enum VerifyCommand {
    static func run(arguments: [String], environment: [String: String]) async throws -> Int32 {
        var rest = arguments
        func take(_ flag: String) throws -> String? {
            guard let index = rest.firstIndex(of: flag) else { return nil }
            guard index + 1 < rest.count else { throw ConfigurationError("\(flag) needs a value", fix: "write \(flag) <path>") }
            let value = rest[index + 1]
            rest.removeSubrange(index...(index + 1))
            return value
        }
        let sealPath = try take("--seal")
        let keyPath = try take("--public-key")
        guard let file = rest.first, !file.hasPrefix("-") else {
            CommandLineTool.fail("usage: jianwu verify FILE [--seal FILE.seal.json] [--public-key KEY.pem] [--data-dir DIR]")
            return 2
        }
        let publicKey: SM2PublicKey
        if let keyPath {
            guard let pem = try? String(contentsOfFile: keyPath, encoding: .utf8), let key = try? SM2PublicKey(pemRepresentation: pem) else {
                throw ConfigurationError("\(keyPath) is not an SM2 public key in PEM", fix: "download it from /api/seal/public-key")
            }
            publicKey = key
        } else {
            let configuration = try ServeConfiguration.parse(arguments: Array(rest.dropFirst()), environment: environment)
            guard FileManager.default.fileExists(atPath: configuration.dataDirectory.appending(path: "keys/seal-sm2.pem").path) else {
                throw ConfigurationError("no sealing key in \(configuration.dataDirectory.path)/keys", fix: "give --data-dir, or --public-key KEY.pem")
            }
            publicKey = try SealKeyStore.open(dataDirectory: configuration.dataDirectory).publicKey
        }
        let verdict = SealedFiles.verify(URL(filePath: file), seal: sealPath.map { URL(filePath: $0) }, publicKey: publicKey)
        print(verdict.message)
        return verdict.valid ? 0 : 1
    }
}
