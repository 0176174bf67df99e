import Dispatch
import Foundation
import Synchronization

/// Runs ``PasswordHasher`` work on a few dedicated dispatch queues, so `async` callers (HTTP handlers) never block
/// an event loop or Swift's cooperative thread pool for the tens of milliseconds a hash takes.
///
/// The number of queues bounds both CPU and memory: at most `width` hashes run at once, each holding
/// `memoryKiB` of RAM; further requests wait their turn on a queue. A started hash is not interrupted by
/// task cancellation (libargon2 has no cancel hook); it finishes and its result is discarded by the caller.
public final class PasswordHashingPool: Sendable {
    public let hasher: PasswordHasher
    private let queues: [DispatchQueue]
    private let nextQueue = Atomic<Int>(0)
    /// Set on every worker queue, so code (and tests) can tell that they run on one: `DispatchQueue.getSpecific(key:)`.
    static let workerKey = DispatchSpecificKey<Int>()

    /// - Parameters:
    ///   - hasher: the hasher whose parameters every call uses.
    ///   - width: how many hashes may run at the same time; nil means the number of active cores.
    public init(hasher: PasswordHasher = PasswordHasher(), width: Int? = nil) {
        self.hasher = hasher
        let width = width ?? ProcessInfo.processInfo.activeProcessorCount
        self.queues = (0..<max(1, width)).map { index in
            let queue = DispatchQueue(label: "jianwu.password-hashing.\(index)", qos: .userInitiated)
            queue.setSpecific(key: Self.workerKey, value: index)
            return queue
        }
    }

    /// How many hashes may run at once.
    public var width: Int { queues.count }

    /// ``PasswordHasher/hash(_:)`` off the caller's thread.
    public func hash(_ password: String) async throws -> String {
        try await run { hasher in try hasher.hash(password) }
    }

    /// ``PasswordHasher/verify(_:against:)`` off the caller's thread.
    public func verify(_ password: String, against encodedHash: String) async throws -> Bool {
        try await run { hasher in try hasher.verify(password, against: encodedHash) }
    }

    func run<Result: Sendable>(_ work: @escaping @Sendable (PasswordHasher) throws -> Result) async throws -> Result {
        let index = nextQueue.wrappingAdd(1, ordering: .relaxed).oldValue
        let queue = queues[Int(UInt(bitPattern: index) % UInt(queues.count))]
        let hasher = self.hasher
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Swift.Result { try work(hasher) })
            }
        }
    }
}
