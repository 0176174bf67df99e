import Dispatch

/// A serial executor backed by its own `DispatchQueue`, so an actor that uses it runs blocking C calls
/// (SQLite, libpq) on a dispatch thread instead of Swift's cooperative pool.
///
/// Linux's Dispatch has no `DispatchSerialQueue: SerialExecutor`, hence this small adapter.
package final class SerialQueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    package init(label: String) {
        queue = DispatchQueue(label: label)
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(on: self.asUnownedSerialExecutor())
        }
    }

    package func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
