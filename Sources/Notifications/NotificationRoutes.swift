import Foundation
public import HTTPRouter
import HTTPServer
public import Identity

/// The bell: `/api/notifications` to list and mark read, `/api/events` to receive new ones as Server-Sent Events.
public struct NotificationRoutes: Sendable {
    let notifications: NotificationService
    /// Comment lines on an idle stream, so proxies keep it open (nginx closes idle upstreams after 60 s).
    let keepAliveInterval: Duration

    public init(notifications: NotificationService, keepAliveInterval: Duration = .seconds(25)) {
        self.notifications = notifications
        self.keepAliveInterval = keepAliveInterval
    }

    struct Unread: Encodable { var unread: Int }

    public func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/notifications", .signedIn) { (_: Request, auth: Authenticated) in
            try JSONResponse.make(try await notifications.inbox(userID: auth.actor.userID))
        }
        routes.add(.post, "/api/notifications/:id/read", .signedIn) { (request: Request, auth: Authenticated) in
            guard try await notifications.markRead(id: try request.parameters.require("id"), userID: auth.actor.userID) else {
                throw HTTPError(.notFound, detail: "没有找到该通知。", code: "not-found")
            }
            return try JSONResponse.make(Unread(unread: try await notifications.unreadCount(userID: auth.actor.userID)))
        }
        routes.add(.post, "/api/notifications/read-all", .signedIn) { (_: Request, auth: Authenticated) in
            try await notifications.markAllRead(userID: auth.actor.userID)
            return try JSONResponse.make(Unread(unread: 0))
        }
        routes.add(.get, "/api/events", .signedIn) { (_: Request, auth: Authenticated) in
            let userID = auth.actor.userID
            let stream = notifications.hub.subscribe(userID: userID)
            let unread = try await notifications.unreadCount(userID: userID)
            let interval = keepAliveInterval
            return HTTPResponse.eventStream { writer in
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                try await writer.send(ServerSentEvent(event: "unread", data: "{\"unread\":\(unread)}", retry: 5000))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await notification in stream {
                            let data = String(decoding: try encoder.encode(notification), as: UTF8.self)
                            try await writer.send(ServerSentEvent(event: "notification", data: data, id: notification.id))
                        }
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: interval)
                            try await writer.write(ServerSentEvent.keepAliveComment)
                        }
                    }
                    // Either side ending (client gone: a write throws; server closing: the stream finishes) ends both.
                    _ = try await group.next()
                    group.cancelAll()
                }
            }
        }
    }
}
