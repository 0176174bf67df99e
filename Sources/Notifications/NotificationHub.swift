import Foundation
import Synchronization

/// In-process fan-out of new notifications to the open event streams of their users. A user may have several pages
/// open; each gets every notification. Streams buffer a bounded number of events: a page that stops reading loses the
/// oldest live pushes, never the notification itself (it stays in the store and the list).
public final class NotificationHub: Sendable {
    private let subscribers = Mutex<[String: [UUID: AsyncStream<UserNotification>.Continuation]]>([:])

    public init() {}

    /// A stream of the user's new notifications until it is cancelled or the hub is closed.
    public func subscribe(userID: String) -> AsyncStream<UserNotification> {
        let (stream, continuation) = AsyncStream.makeStream(of: UserNotification.self, bufferingPolicy: .bufferingNewest(64))
        let token = UUID()
        subscribers.withLock { $0[userID, default: [:]][token] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { subscribers in
                subscribers[userID]?[token] = nil
                if subscribers[userID]?.isEmpty == true { subscribers[userID] = nil }
            }
        }
        return stream
    }

    public func publish(_ notification: UserNotification, to userID: String) {
        let continuations = subscribers.withLock { Array(($0[userID] ?? [:]).values) }
        for continuation in continuations { continuation.yield(notification) }
    }

    /// Open streams, for metrics and tests.
    public var subscriberCount: Int { subscribers.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// Ends every stream (server shutdown).
    public func close() {
        let all = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return subscribers.values.flatMap(\.values)
        }
        for continuation in all { continuation.finish() }
    }
}
