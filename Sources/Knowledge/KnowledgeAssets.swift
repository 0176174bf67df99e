public import Foundation

/// The shipped data the knowledge base needs (Data/ of the source tree): dictionaries, the Criminal Law's charge
/// names per article, the national corpus archive and its metadata database.
public struct KnowledgeAssets: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public var dictionaryDirectory: URL { root.appending(path: "dict", directoryHint: .isDirectory) }
    public var chargeKeywords: URL { root.appending(path: "laws/criminal-law-articles-with-charges.csv") }
    public var corpusMetadata: URL { root.appending(path: "laws/metadata.sqlite3") }

    /// The national corpus archive shipped in Data/corpus.
    public var corpusArchive: URL? {
        let directory = root.appending(path: "corpus", directoryHint: .isDirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().first { $0.hasSuffix(".tar.xz") }.map { directory.appending(path: $0) }
    }
}
