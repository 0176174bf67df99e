import Cases
import Foundation
import Identity
import Notifications
import Security
import Store
import StoreTestSupport
import Synchronization

/// A clock the test sets: 2026-12-03 10:00 in Shanghai unless told otherwise.
final class FixedClock: WallClock {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_796_263_200)) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(days: Int) { current.withLock { $0 = $0.addingTimeInterval(Double(days) * 86_400) } }
}

/// Identity and cases over a fresh store with the demo world, on either engine.
struct CaseFixture {
    let identity: IdentityService
    let cases: CaseService
    let clock: FixedClock
    let files: URL

    static let repository = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../..").standardizedFileURL
    static let charges = try! ChargeCatalogue.load(csvAt: repository.appending(path: "Data/laws/criminal-law-articles-with-charges.csv"))
    static let passwords = PasswordHashingPool(hasher: PasswordHasher(parameters: .init(memoryKiB: 256, iterations: 1, parallelism: 1)))

    static func run<T: Sendable>(_ engine: TestEngine, _ body: (CaseFixture) async throws -> T) async throws -> T {
        let files = FileManager.default.temporaryDirectory.appending(path: "jianwu-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: files) }
        return try await engine.withStore { store in
            _ = try await Migrator(IdentitySchema.migrations + NotificationsSchema.migrations + CasesSchema.migrations).migrate(store)
            let clock = FixedClock()
            let identity = try IdentityService(store: store, clock: clock, passwords: passwords)
            try await DemoWorld.seed(identity)
            let cases = CaseService(store: store, charges: charges, filesDirectory: files, clock: clock)
            return try await body(CaseFixture(identity: identity, cases: cases, clock: clock, files: files))
        }
    }

    func actor(_ username: String) async throws -> Actor {
        let id = try await identity.store.queryValue("SELECT id FROM users WHERE username = \(username)", as: String.self)
        return try await identity.loadActor(userID: id)!
    }

    func context(_ actor: Actor) -> AuditContext { AuditContext(actorID: actor.userID, sourceAddress: "127.0.0.1", clock: clock) }

    func organisationID(_ name: String) async throws -> String {
        try await identity.store.queryValue("SELECT id FROM organisations WHERE name = \(name)", as: String.self)
    }

    /// A theft case registered by the demo prosecutor of 鼓楼.
    func theftCase(stage: CaseStage = .arrestReview, receivedOn: String = "2026-11-28", name: String = "张某盗窃案") async throws -> CaseDetail {
        let prosecutor = try await actor("prosecutor")
        return try await cases.create(
            NewCase(name: name, facts: "张某在超市窃取财物价值人民币3000元。", stage: stage, receivedOn: receivedOn, charges: ["盗窃罪"]),
            by: prosecutor, context: context(prosecutor))
    }

    /// Counts of the tables a refused write must leave alone.
    func counts() async throws -> [Int] {
        var result: [Int] = []
        for table in ["cases", "case_persons", "coercive_measures", "case_events", "case_files", "lawyer_bindings", "audit_events"] {
            result.append(try await identity.store.queryValue("SELECT count(*) FROM \(unsafeRaw: table)", as: Int.self))
        }
        return result
    }
}
