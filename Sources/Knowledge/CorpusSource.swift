public import Foundation

/// Where `import-laws` reads from: a directory of Markdown files, or a `.tar.xz` archive of one (unpacked with the
/// system's tar into a temporary directory that is removed afterwards).
public struct CorpusSource: Sendable {
    public let directory: URL
    private let temporary: URL?

    public static func open(_ path: String) throws -> CorpusSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw KnowledgeError.sourceMissing(path) }
        if isDirectory.boolValue { return CorpusSource(directory: URL(filePath: path, directoryHint: .isDirectory), temporary: nil) }
        guard path.hasSuffix(".tar.xz") || path.hasSuffix(".txz") else { throw KnowledgeError.unsupportedSource(path) }
        let target = FileManager.default.temporaryDirectory.appending(path: "jianwu-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(filePath: "/usr/bin/tar")
        tar.arguments = ["-xJf", path, "-C", target.path]
        tar.standardError = FileHandle.nullDevice
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: target)
            throw KnowledgeError.unreadableArchive(path)
        }
        // An archive of one top-level folder is read from inside that folder.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        let root = entries.count == 1 && !entries[0].hasSuffix(".md") ? target.appending(path: entries[0], directoryHint: .isDirectory) : target
        return CorpusSource(directory: root, temporary: target)
    }

    /// Removes what ``open(_:)`` unpacked.
    public func close() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Every `*.md` file below the directory except `_index.md` folder pages, as relative paths in order.
    public func markdownFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        let base = directory.standardizedFileURL.path
        var paths: [String] = []
        for case let file as URL in enumerator where file.pathExtension == "md" && file.lastPathComponent != "_index.md" {
            var relative = file.standardizedFileURL.path
            if relative.hasPrefix(base) { relative = String(relative.dropFirst(base.count)).trimmingCharacters(in: ["/"]) }
            paths.append(relative)
        }
        return paths.sorted()
    }
}
