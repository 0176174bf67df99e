public import Foundation
public import Security

/// The procuratorate's SM2 sealing key: created on first start in `<data-dir>/keys/seal-sm2.pem` (mode 0600) and
/// loaded afterwards. Its public half is published so anyone can check a sealed file.
public struct SealKeyStore: Sendable {
    public let sealer: Sealer

    public static func open(dataDirectory: URL) throws -> SealKeyStore {
        let directory = dataDirectory.appending(path: "keys")
        let file = directory.appending(path: "seal-sm2.pem")
        if let pem = try? String(contentsOf: file, encoding: .utf8) {
            return SealKeyStore(sealer: try Sealer(privateKey: try SM2PrivateKey(pemRepresentation: pem)))
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = try SM2PrivateKey.generate()
        // Written under a temporary name with 0600 first, so the key is never readable by others, even briefly.
        let temporary = directory.appending(path: ".seal-sm2.pem.\(UUID().uuidString)")
        FileManager.default.createFile(atPath: temporary.path, contents: Data(try key.pemRepresentation().utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.moveItem(at: temporary, to: file)
        return SealKeyStore(sealer: try Sealer(privateKey: key))
    }

    public var publicKey: SM2PublicKey { sealer.publicKey }
}
