import Foundation
import Search
import Testing

struct SnapshotTests {
    @Test func aSnapshotAnswersLikeTheIndexItWasWrittenFrom() throws {
        let index = SharedIndex.index
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-snapshot-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try index.writeSnapshot(to: url)
        let reread = try SearchIndex(snapshotAt: url, segmenter: SharedSegmenter.segmenter)
        #expect(reread.articleCount == index.articleCount && reread.termCount == index.termCount && reread.lawCount == index.lawCount)
        for query in ["刑法第264条", "盗窃 数额较大", "\"以非法占有为目的\" -单位", "偷东西判几年", "刑事诉讼法 辩护人 OR 值班律师"] {
            #expect(reread.search(query, limit: 10) == index.search(query, limit: 10), "\(query)")
        }
        #expect(reread.articleText(document: 100) == index.articleText(document: 100))
    }

    @Test func aDamagedSnapshotIsRejected() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-snapshot-bad-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try SharedIndex.index.writeSnapshot(to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        #expect(throws: SearchDataError.self) { try SearchIndex(snapshotAt: url, segmenter: SharedSegmenter.segmenter) }
        try Data("not a snapshot".utf8).write(to: url)
        #expect(throws: SearchDataError.self) { try SearchIndex(snapshotAt: url, segmenter: SharedSegmenter.segmenter) }
    }
}
