import Dispatch

/// Runs blocking C calls (an `fsync`, a wait for another process's lock, a long scan) on a Dispatch thread, so
/// they never hold one of the few threads that run Swift tasks (the cooperative pool, or an event loop used as a
/// task executor).
///
/// The drivers call into their C library on the caller's thread whenever the call is short (a point select costs a
/// few microseconds, less than the two thread wake-ups of a hop) and come here only for work that may block for
/// milliseconds. A queue created here targets Dispatch's overcommitting root queue, so a blocked job gets a new
/// thread instead of delaying the next one.
package final class BlockingQueue: Sendable {
    private let queue: DispatchQueue

    /// - Parameter serial: `true` for work that must not overlap (a connection's writer), `false` for
    ///   independent jobs that may run side by side.
    package init(label: String, serial: Bool) {
        queue = serial ? DispatchQueue(label: label) : DispatchQueue(label: label, attributes: .concurrent)
    }

    /// Runs `work` on the queue and resumes the caller with its result.
    package func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
