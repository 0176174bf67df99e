public import Foundation

/// One message to one user: a deadline reminder, a booking confirmed, a document served…
public struct UserNotification: Sendable, Codable, Hashable {
    public enum Level: String, Sendable, Codable {
        /// 正常/进行中 information.
        case info
        /// 临期: needs attention soon.
        case warning
        /// 超期 or failed: needs attention now.
        case danger
    }

    public var id: String
    public var kind: String
    public var subjectType: String
    public var subjectId: String
    public var title: String
    public var body: String
    public var level: Level
    public var createdAt: Date
    public var readAt: Date?

    public init(
        id: String, kind: String, subjectType: String, subjectId: String, title: String, body: String, level: Level, createdAt: Date,
        readAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.subjectType = subjectType
        self.subjectId = subjectId
        self.title = title
        self.body = body
        self.level = level
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// A notification to send, before it has an id and recipients.
public struct NotificationDraft: Sendable {
    public var kind: String
    public var subjectType: String
    public var subjectId: String
    public var title: String
    public var body: String
    public var level: UserNotification.Level
    /// Two drafts with the same key for the same user are one notification.
    public var dedupeKey: String

    public init(kind: String, subjectType: String, subjectId: String, title: String, body: String, level: UserNotification.Level, dedupeKey: String) {
        self.kind = kind
        self.subjectType = subjectType
        self.subjectId = subjectId
        self.title = title
        self.body = body
        self.level = level
        self.dedupeKey = dedupeKey
    }
}
