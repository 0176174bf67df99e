public import Foundation
public import Security

/// Seals a file (SM3 digest signed with SM2) and keeps the seal beside it as `<file>.seal.json`; checks a file against
/// its seal with any trusted public key.
public enum SealedFiles {
    public static func sealURL(for file: URL) -> URL { file.deletingLastPathComponent().appending(path: file.lastPathComponent + ".seal.json") }

    /// Seals `file` and writes the sidecar; returns the seal.
    @discardableResult
    public static func seal(_ file: URL, with sealer: Sealer) throws -> Seal {
        let seal = try sealer.seal(fileAt: file.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(seal).write(to: sealURL(for: file), options: .atomic)
        return seal
    }

    /// The outcome of a check, in words for the person checking.
    public struct Verdict: Sendable, Equatable {
        public var valid: Bool
        public var message: String
    }

    /// Checks `file` against `seal` (by default the sidecar) and `publicKey`.
    public static func verify(_ file: URL, seal sealFile: URL? = nil, publicKey: SM2PublicKey) -> Verdict {
        let sealURL = sealFile ?? sealURL(for: file)
        guard FileManager.default.fileExists(atPath: file.path) else { return Verdict(valid: false, message: "文件不存在：\(file.path)") }
        guard let data = try? Data(contentsOf: sealURL), let seal = try? JSONDecoder().decode(Seal.self, from: data) else {
            return Verdict(valid: false, message: "找不到或无法读取签章文件：\(sealURL.path)")
        }
        guard seal.keyID.lowercased() == publicKey.keyID else {
            return Verdict(valid: false, message: "签章所用密钥（\(seal.keyID.prefix(16))…）不是所给公钥（\(publicKey.keyID.prefix(16))…）")
        }
        do {
            try SealVerifier(publicKey: publicKey).verify(fileAt: file.path, seal: seal)
            return Verdict(valid: true, message: "签章有效：SM3 \(seal.digestHex)，SM2 密钥 \(seal.keyID.prefix(16))…")
        } catch {
            return Verdict(valid: false, message: "签章无效：文件自签章后已被改动，或签章被篡改（\(error)）")
        }
    }
}
