import Foundation
import Knowledge

/// The key statutes shipped in Data/laws, copied to a temporary folder a test may change.
enum KnowledgeFixture {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../..").standardizedFileURL
    static let assets = KnowledgeAssets(root: repository.appending(path: "Data"))

    static func copyOfShippedLaws(_ names: [String] = ["刑法.md", "刑事诉讼法(2018-10-26).md", "律师法(2017-09-01).md"]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-laws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appending(path: "刑法"), withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: assets.root.appending(path: "laws/\(name)"), to: directory.appending(path: "刑法/\(name)"))
        }
        return directory
    }
}
