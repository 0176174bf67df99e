public import Foundation

/// 讯问笔录 in the usual layout: title, the heading fields, 问/答 turns, the suspect's confirmation; every page carries
/// its number and the suspect's signature, the last page the fingerprint and the interrogators' signatures.
public struct TranscriptPDF: Sendable {
    public struct Header: Sendable {
        public var caseNumber: String
        /// 2026年12月4日9时00分至10时05分
        public var time: String
        /// 南京市看守所第一谈话室（远程视频讯问）
        public var place: String
        public var interrogators: String
        public var recorder: String
        public var suspect: String

        public init(caseNumber: String, time: String, place: String, interrogators: String, recorder: String, suspect: String) {
            self.caseNumber = caseNumber
            self.time = time
            self.place = place
            self.interrogators = interrogators
            self.recorder = recorder
            self.suspect = suspect
        }
    }

    public enum Speaker: Sendable { case question, answer, note }

    /// Signature images (PNG from the browser's signature pad). Empty for the unsigned draft the suspect reads.
    public struct Signatures: Sendable {
        /// The suspect's signature for each page, by page number (1-based).
        public var suspectPages: [Int: [UInt8]]
        public var fingerprint: [UInt8]?
        public var interrogator: [UInt8]?
        public var recorder: [UInt8]?
        public var signedOn: String?

        public init(suspectPages: [Int: [UInt8]] = [:], fingerprint: [UInt8]? = nil, interrogator: [UInt8]? = nil, recorder: [UInt8]? = nil, signedOn: String? = nil) {
            self.suspectPages = suspectPages
            self.fingerprint = fingerprint
            self.interrogator = interrogator
            self.recorder = recorder
            self.signedOn = signedOn
        }
    }

    public var header: Header
    public var turns: [(speaker: Speaker, text: String)]

    public init(header: Header, turns: [(speaker: Speaker, text: String)]) {
        self.header = header
        self.turns = turns
    }

    /// The document; the layout does not depend on the signatures, so a draft and the signed copy paginate alike.
    public func render(_ signatures: Signatures = Signatures()) throws -> PagedDocument.Rendering {
        var paragraphs: [PagedDocument.Paragraph] = [
            .init("讯 问 笔 录", style: .title, alignment: .center, spaceBefore: 0),
            .init("（第 1 次）", style: .small, alignment: .center, spaceBefore: 4),
            .init("案号：\(header.caseNumber)", style: .small, alignment: .right, spaceBefore: 10),
            .init("时间：\(header.time)", spaceBefore: 10),
            .init("地点：\(header.place)", spaceBefore: 2),
            .init("讯问人：\(header.interrogators)", spaceBefore: 2),
            .init("记录人：\(header.recorder)", spaceBefore: 2),
            .init("被讯问人：\(header.suspect)", spaceBefore: 2),
        ]
        for turn in turns {
            let prefix = turn.speaker == .question ? "问：" : turn.speaker == .answer ? "答：" : ""
            paragraphs.append(.init(prefix + turn.text, spaceBefore: 6))
        }
        paragraphs.append(.init("以上笔录我看过（向我宣读过），和我说的相符。", spaceBefore: 18, keepWithNext: true))
        paragraphs.append(.init(" ", spaceBefore: 70))
        let header = self.header
        let document = PagedDocument(paragraphs: paragraphs, footerHeight: 96) { page in
            let left = PagedDocument.marginX
            let usable = page.width - 2 * left
            page.text("被讯问人签名：", x: left, y: page.top + 8, width: 90)
            if let png = signatures.suspectPages[page.page] {
                page.image(png: png, x: left + 86, y: page.top, width: 120, height: 40)
            }
            if page.page == page.pageCount {
                page.text("捺印：", x: left + 220, y: page.top + 8, width: 40)
                if let fingerprint = signatures.fingerprint { page.image(png: fingerprint, x: left + 256, y: page.top - 4, width: 48, height: 48) }
                page.text("讯问人：", x: left, y: page.top + 50, width: 60)
                if let png = signatures.interrogator { page.image(png: png, x: left + 56, y: page.top + 42, width: 110, height: 36) }
                page.text("记录人：", x: left + 220, y: page.top + 50, width: 60)
                if let png = signatures.recorder { page.image(png: png, x: left + 276, y: page.top + 42, width: 110, height: 36) }
                if let day = signatures.signedOn { page.text(day, x: left, y: page.top + 50, width: usable, alignment: .right) }
            }
            page.text("第 \(page.page) 页 共 \(page.pageCount) 页    \(header.caseNumber)", x: left, y: page.top + 82, width: usable, alignment: .center)
        }
        return try document.render()
    }
}
