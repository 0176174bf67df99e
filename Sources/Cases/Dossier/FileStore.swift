import Foundation
import Glibc

/// Dossier files on disk under the data directory, named by their SM3 digest (`files/ab/ab12…`): the same scan uploaded
/// twice is stored once, and a file's name proves its content. Written to a temporary name, synced, then renamed, so a
/// crash never leaves a half-written file under a digest name.
struct FileStore: Sendable {
    let root: URL

    func url(forDigest digest: String) -> URL {
        root.appending(path: String(digest.prefix(2))).appending(path: digest)
    }

    func write(_ bytes: [UInt8], digest: String) throws {
        let target = url(forDigest: digest)
        if FileManager.default.fileExists(atPath: target.path) { return }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appending(path: ".\(digest).\(UUID().uuidString).part")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                close(fd)
                unlink(temporary.path)
                throw CocoaError(.fileWriteUnknown)
            }
            written += result
        }
        guard fsync(fd) == 0, close(fd) == 0, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func read(digest: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(forDigest: digest)))
    }
}
