import Documents
import Foundation
import Testing

/// Transcript PDFs with real CJK fonts, checked with poppler's pdftotext/pdffonts/pdfinfo.
struct TranscriptPDFTests {
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/\(name)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static var popplerInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    static let header = TranscriptPDF.Header(
        caseNumber: "宁鼓检刑捕〔2026〕1号", time: "2026年12月4日9时00分至10时05分", place: "南京市看守所第一谈话室（远程视频讯问）",
        interrogators: "张伟、李娜", recorder: "赵敏", suspect: "张某")

    /// A 1×1 PNG, as the signature pad would send (any size scales into its box).
    static let signature: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x60,
        0x60, 0xF8, 0x0F, 0x00, 0x01, 0x04, 0x01, 0x00, 0x5F, 0xE5, 0xC3, 0x4B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    @Test func aLongTranscriptSpansPagesWithTheSameLayoutSignedOrNot() throws {
        var turns: [(speaker: TranscriptPDF.Speaker, text: String)] = []
        for index in 1...40 {
            turns.append((.question, "第\(index)个问题：2026年11月28日你在南京市鼓楼区某超市做了什么？请如实陈述。"))
            turns.append((.answer, "我在超市里趁店员不注意拿了一部手机，价值三千多元，后来被保安发现了。"))
        }
        let transcript = TranscriptPDF(header: Self.header, turns: turns)
        let draft = try transcript.render()
        #expect(draft.pageTexts.count >= 3)
        #expect(draft.pdf.starts(with: Array("%PDF-".utf8)))
        let signatures = TranscriptPDF.Signatures(
            suspectPages: Dictionary(uniqueKeysWithValues: (1...draft.pageTexts.count).map { ($0, Self.signature) }), fingerprint: Self.signature,
            interrogator: Self.signature, recorder: Self.signature, signedOn: "2026年12月4日")
        let signed = try transcript.render(signatures)
        #expect(signed.pageTexts == draft.pageTexts, "signing does not move the text")
        #expect(draft.pageTexts.first?.contains("讯 问 笔 录") == true)
        #expect(draft.pageTexts.last?.contains("以上笔录我看过") == true)

        guard Self.popplerInstalled else { return }
        let file = FileManager.default.temporaryDirectory.appending(path: "jianwu-transcript-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(signed.pdf).write(to: file)
        let text = try Self.tool("pdftotext", ["-layout", file.path, "-"])
        #expect(text.contains("第40个问题"))
        #expect(text.replacingOccurrences(of: " ", with: "").contains("第1页共\(draft.pageTexts.count)页"))
        #expect(text.contains("被讯问人签名"))
        let fonts = try Self.tool("pdffonts", [file.path])
        #expect(fonts.contains("NotoSerifCJK"), "the CJK font is embedded")
        let images = try Self.tool("pdfimages", ["-list", file.path])
        #expect(images.split(separator: "\n").count - 2 >= draft.pageTexts.count + 3, "a signature on every page, fingerprint and two more")
    }
}
