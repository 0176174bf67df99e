public import Foundation
public import Store

/// Stores notifications and pushes the new ones to open pages.
public final class NotificationService: Sendable {
    public let store: any Store
    public let hub: NotificationHub

    public init(store: any Store, hub: NotificationHub = NotificationHub()) {
        self.store = store
        self.hub = hub
    }

    /// Stores `draft` for each user who does not have it yet and pushes it to them. Returns how many were new.
    @discardableResult
    public func send(_ draft: NotificationDraft, to userIDs: Set<String>, at now: Date = Date()) async throws -> Int {
        var delivered: [(String, UserNotification)] = []
        try await store.withTransaction { tx in
            delivered.removeAll()
            for userID in userIDs.sorted() {
                let notification = UserNotification(
                    id: UUID().uuidString.lowercased(), kind: draft.kind, subjectType: draft.subjectType, subjectId: draft.subjectId, title: draft.title,
                    body: draft.body, level: draft.level, createdAt: now)
                let inserted = try await tx.execute(
                    """
                    INSERT INTO notifications (id, user_id, kind, subject_type, subject_id, title, body, level, dedupe_key, created_at)
                    VALUES (\(notification.id), \(userID), \(draft.kind), \(draft.subjectType), \(draft.subjectId), \(draft.title), \(draft.body),
                            \(draft.level.rawValue), \(draft.dedupeKey), \(now))
                    ON CONFLICT (user_id, dedupe_key) DO NOTHING
                    """)
                if inserted > 0 { delivered.append((userID, notification)) }
            }
        }
        // Pushed only after the commit, so a page never shows what the store does not hold.
        for (userID, notification) in delivered { hub.publish(notification, to: userID) }
        return delivered.count
    }

    public struct Inbox: Sendable, Codable {
        public var items: [UserNotification]
        public var unread: Int
    }

    /// The user's latest notifications, unread first.
    public func inbox(userID: String, limit: Int = 30) async throws -> Inbox {
        let rows = try await store.query(
            """
            SELECT id, kind, subject_type, subject_id, title, body, level, created_at, read_at FROM notifications WHERE user_id = \(userID)
            ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, created_at DESC LIMIT \(min(max(limit, 1), 200))
            """)
        let items = try rows.map { row in
            UserNotification(
                id: try row.decode(column: "id"), kind: try row.decode(column: "kind"), subjectType: try row.decode(column: "subject_type"),
                subjectId: try row.decode(column: "subject_id"), title: try row.decode(column: "title"), body: try row.decode(column: "body"),
                level: UserNotification.Level(rawValue: try row.decode(column: "level")) ?? .info, createdAt: try row.decode(column: "created_at"),
                readAt: try row.decode(column: "read_at"))
        }
        return Inbox(items: items, unread: try await unreadCount(userID: userID))
    }

    public func unreadCount(userID: String) async throws -> Int {
        try await store.queryValue("SELECT count(*) FROM notifications WHERE user_id = \(userID) AND read_at IS NULL", as: Int.self)
    }

    /// Marks one of the user's notifications read; false when it is not theirs.
    public func markRead(id: String, userID: String, at now: Date = Date()) async throws -> Bool {
        try await store.execute("UPDATE notifications SET read_at = \(now) WHERE id = \(id) AND user_id = \(userID) AND read_at IS NULL")
        return try await store.queryFirst("SELECT id FROM notifications WHERE id = \(id) AND user_id = \(userID)") != nil
    }

    public func markAllRead(userID: String, at now: Date = Date()) async throws {
        try await store.execute("UPDATE notifications SET read_at = \(now) WHERE user_id = \(userID) AND read_at IS NULL")
    }
}
