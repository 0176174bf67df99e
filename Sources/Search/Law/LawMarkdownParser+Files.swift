public import Foundation

/// A document read from a file, with where it came from.
public struct LawFile: Sendable {
    /// The file's path relative to the directory it was read from (or its name).
    public var relativePath: String
    /// The parsed document.
    public var document: LawDocument
}

extension LawMarkdownParser {
    /// Reads and parses one Markdown file.
    /// - Throws: ``SearchDataError`` when the file cannot be read or is not UTF-8.
    public func parse(fileAt url: URL) throws -> LawDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SearchDataError(reason: .unreadable, path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SearchDataError(reason: .notUTF8, path: url.path) }
        return parse(text)
    }

    /// Reads every `*.md` file under a directory (recursively), skipping `_index.md` folder pages, in path order.
    /// - Throws: ``SearchDataError`` when the directory or a file cannot be read.
    public func parseDirectory(at url: URL) throws -> [LawFile] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
            throw SearchDataError(reason: .unreadable, path: url.path)
        }
        var paths: [String] = []
        let base = url.standardizedFileURL.path
        for case let file as URL in enumerator where file.pathExtension == "md" && file.lastPathComponent != "_index.md" {
            var relative = file.standardizedFileURL.path
            if relative.hasPrefix(base) { relative = String(relative.dropFirst(base.count)).trimmingCharacters(in: ["/"]) }
            paths.append(relative)
        }
        return try paths.sorted().map { relative in
            LawFile(relativePath: relative, document: try parse(fileAt: url.appendingPathComponent(relative)))
        }
    }
}
