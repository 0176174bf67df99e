import Synchronization

/// Messages received on a WebSocket and not yet taken by its handler.
///
/// Nothing is dropped: instead, while the inbox holds more than `limit` bytes the connection stops reading from the
/// socket, so a slow handler slows the client down (TCP flow control) rather than growing memory without bound.
final class WebSocketInbox: Sendable {
    private struct State: ~Copyable {
        var queue: [WebSocketMessage] = []
        var head = 0
        var bytes = 0
        var finished = false
        var waiter: CheckedContinuation<WebSocketMessage?, Never>?
    }

    private let state = Mutex(State())
    let limit: Int
    /// Called (from the consumer's side) when the inbox falls back below its limit after being full.
    private let onRoomAgain: @Sendable () -> Void

    init(limit: Int, onRoomAgain: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.onRoomAgain = onRoomAgain
    }

    var isFull: Bool { state.withLock { $0.bytes >= limit } }

    func push(_ message: WebSocketMessage) {
        let waiter = state.withLock { s -> CheckedContinuation<WebSocketMessage?, Never>? in
            guard !s.finished else { return nil }
            if let waiter = s.waiter {
                s.waiter = nil
                return waiter
            }
            s.queue.append(message)
            s.bytes += message.byteCount
            return nil
        }
        waiter?.resume(returning: message)
    }

    /// No more messages will come; a waiting consumer gets nil once the queue is empty.
    func finish() {
        let waiter = state.withLock { s -> CheckedContinuation<WebSocketMessage?, Never>? in
            s.finished = true
            guard s.head == s.queue.count else { return nil }
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(returning: nil)
    }

    func next() async -> WebSocketMessage? {
        await withCheckedContinuation { (continuation: CheckedContinuation<WebSocketMessage?, Never>) in
            let (message, ended, roomAgain) = state.withLock { s -> (WebSocketMessage?, Bool, Bool) in
                if s.head < s.queue.count {
                    let wasFull = s.bytes >= limit
                    let message = s.queue[s.head]
                    s.head += 1
                    s.bytes -= message.byteCount
                    if s.head == s.queue.count {
                        s.queue.removeAll(keepingCapacity: true)
                        s.head = 0
                    }
                    return (message, false, wasFull && s.bytes < limit)
                }
                if s.finished { return (nil, true, false) }
                s.waiter = continuation
                return (nil, false, false)
            }
            if let message {
                continuation.resume(returning: message)
            } else if ended {
                continuation.resume(returning: nil)
            }
            if roomAgain { onRoomAgain() }
        }
    }
}

/// The messages of a ``WebSocket``, in order, ending when the connection closes.
public struct WebSocketMessages: AsyncSequence, Sendable {
    let inbox: WebSocketInbox

    public struct AsyncIterator: AsyncIteratorProtocol {
        let inbox: WebSocketInbox
        public mutating func next() async -> WebSocketMessage? { await inbox.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inbox: inbox) }
}

extension WebSocketMessage {
    var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .binary(let bytes): bytes.count
        }
    }
}
