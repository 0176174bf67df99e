public import Foundation

/// Who signs what on a transcript: the suspect each page and a fingerprint (on the detention centre's terminal), the
/// interrogator and the recorder once.
public enum SignatureKind: String, Sendable, Codable, CaseIterable {
    case suspectPage, fingerprint, interrogator, recorder

    public var chineseName: String {
        switch self {
        case .suspectPage: "被讯问人逐页签名"
        case .fingerprint: "被讯问人捺印"
        case .interrogator: "讯问人签名"
        case .recorder: "记录人签名"
        }
    }

    /// The terminal (host side) collects the suspect's; the prosecutor's side signs its own.
    var byHost: Bool { self == .suspectPage || self == .fingerprint }
}

/// A signature image from the signature pad (PNG, base64) for one transcript version.
public struct SignatureInput: Sendable, Codable {
    public var kind: SignatureKind
    /// 1-based page, for `suspectPage`.
    public var page: Int?
    /// The transcript version shown when signing: a signature of an older text is refused.
    public var version: Int
    public var pngBase64: String

    public init(kind: SignatureKind, page: Int?, version: Int, pngBase64: String) {
        self.kind = kind
        self.page = page
        self.version = version
        self.pngBase64 = pngBase64
    }
}

/// The pages the suspect reads and what is signed so far.
public struct TranscriptPages: Sendable, Codable {
    public var version: Int
    public var pages: [String]
    public var signedPages: [Int]
    public var fingerprint: Bool
    public var interrogator: Bool
    public var recorder: Bool
    /// Set once every signature is in and the PDF is sealed.
    public var sealedDocument: SealedDocument?

    public struct SealedDocument: Sendable, Codable {
        public var sm3: String
        public var createdAt: Date
    }
}
