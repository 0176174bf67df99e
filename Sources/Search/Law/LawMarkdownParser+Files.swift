public import Foundation

/// A document read from a file, with where it came from.
public struct LawFile: Sendable {
    /// The file's path relative to the directory it was read from (or its name).
    public var relativePath: String
    /// The parsed document.
    public var document: LawDocument
}

/// A failure to read law files; the reason says which.
public struct LawFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why reading failed.
    public struct Reason: Hashable, Sendable {
        fileprivate let code: String
        /// The file or directory does not exist or cannot be read.
        public static let unreadable = Reason(code: "unreadable")
        /// The file is not UTF-8.
        public static let notUTF8 = Reason(code: "not-utf8")
    }

    /// Why reading failed.
    public var reason: Reason
    /// The path concerned.
    public var path: String

    public var description: String { "\(reason.code): \(path)" }
}

extension LawMarkdownParser {
    /// Reads and parses one Markdown file.
    /// - Throws: ``LawFileError`` when the file cannot be read or is not UTF-8.
    public func parse(fileAt url: URL) throws -> LawDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LawFileError(reason: .unreadable, path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw LawFileError(reason: .notUTF8, path: url.path) }
        return parse(text)
    }

    /// Reads every `*.md` file under a directory (recursively), skipping `_index.md` folder pages, in path order.
    /// - Throws: ``LawFileError`` when the directory or a file cannot be read.
    public func parseDirectory(at url: URL) throws -> [LawFile] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
            throw LawFileError(reason: .unreadable, path: url.path)
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
