import Foundation
import Identity
import Security
import Store
import StoreTestSupport
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: WallClock {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_796_000_000)) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// An identity service over a fresh, migrated store with the demo world seeded.
enum IdentityFixture {
    /// Cheap argon2id parameters: these tests are about the flows, not the cost (PasswordHasher's tests cover that).
    static let fastPasswords = PasswordHashingPool(hasher: PasswordHasher(parameters: .init(memoryKiB: 256, iterations: 1, parallelism: 1)))

    static func withIdentity<T: Sendable>(
        _ engine: TestEngine, clock: ManualClock = ManualClock(), settings: IdentitySettings = IdentitySettings(),
        _ body: (IdentityService, ManualClock) async throws -> T
    ) async throws -> T {
        try await engine.withStore { store in
            _ = try await Migrator(IdentitySchema.migrations).migrate(store)
            let identity = try IdentityService(store: store, settings: settings, clock: clock, passwords: fastPasswords)
            try await DemoWorld.seed(identity)
            return try await body(identity, clock)
        }
    }

    static func signIn(_ identity: IdentityService, _ username: String, password: String = DemoWorld.password) async throws -> (token: String, actor: Actor) {
        guard case .signedIn(let token, _, let actor) = try await identity.signIn(
            username: username, password: password, sourceAddress: "127.0.0.1", previousToken: nil)
        else { throw FixtureError.notSignedIn }
        return (token, actor)
    }

    static func actor(_ identity: IdentityService, _ username: String) async throws -> Actor {
        let id = try await identity.store.queryValue("SELECT id FROM users WHERE username = \(username)", as: String.self)
        guard let actor = try await identity.loadActor(userID: id) else { throw FixtureError.notSignedIn }
        return actor
    }

    static func organisationID(_ identity: IdentityService, named name: String) async throws -> String {
        try await identity.store.queryValue("SELECT id FROM organisations WHERE name = \(name)", as: String.self)
    }

    enum FixtureError: Error { case notSignedIn }
}
