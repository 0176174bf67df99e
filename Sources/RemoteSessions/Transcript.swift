public import Foundation

/// 讯问笔录 as the clerk writes it: question and answer turns, saved as numbered versions.
public struct Transcript: Sendable, Codable {
    public struct Turn: Sendable, Codable, Hashable {
        public enum Speaker: String, Sendable, Codable { case question, answer, note }
        public var speaker: Speaker
        public var text: String

        public init(speaker: Speaker, text: String) {
            self.speaker = speaker
            self.text = text
        }
    }

    public struct VersionInfo: Sendable, Codable, Hashable {
        public var version: Int
        public var savedAt: Date
        public var savedBy: String
    }

    /// 0 before the first save.
    public var version: Int
    public var turns: [Turn]
    public var savedAt: Date?
    public var savedBy: String?
    public var editable: Bool
    public var versions: [VersionInfo]
}

/// A save: the version it was edited from (refused when someone saved since) and the whole text.
public struct TranscriptSave: Sendable, Codable {
    public var baseVersion: Int
    public var turns: [Transcript.Turn]

    public init(baseVersion: Int, turns: [Transcript.Turn]) {
        self.baseVersion = baseVersion
        self.turns = turns
    }
}
