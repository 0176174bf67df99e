import Foundation

/// Finds a folder the product ships beside its sources (`Web/`, `Data/`): next to the package the executable was built
/// in (up to five levels above it), else in the working directory.
enum SourceTreeDirectory {
    static func find(_ name: String, containing marker: String) -> URL? {
        var candidates: [URL] = []
        var dir = URL(filePath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appending(path: name))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(filePath: FileManager.default.currentDirectoryPath).appending(path: name))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appending(path: marker).path) }
    }
}
