/// The type of an upload decided by its first bytes, never by its name or declared type.
enum ContentSniffer {
    enum Kind: String, Sendable {
        case pdf = "application/pdf"
        case png = "image/png"
        case jpeg = "image/jpeg"

        var chineseName: String {
            switch self {
            case .pdf: "PDF 文件"
            case .png: "PNG 图片"
            case .jpeg: "JPEG 图片"
            }
        }
    }

    static func kind(of bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}
