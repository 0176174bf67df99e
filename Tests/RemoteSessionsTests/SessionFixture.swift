import Cases
import Foundation
import Evidence
import Identity
import Media
import Notifications
import RemoteSessions
import Security
import Store
import StoreTestSupport
import Synchronization

/// 2026-12-03 10:00 in Shanghai; bookings in these tests are for the next day.
final class TestClock: WallClock {
    private let current = Mutex(Date(timeIntervalSince1970: 1_796_263_200))
    func now() -> Date { current.withLock { $0 } }
}

/// Identity, cases and remote sessions over a fresh store: the demo world, its interview rooms, and a case of the demo
/// prosecutor with a suspect held at the demo detention centre.
struct SessionFixture {
    let identity: IdentityService
    let cases: CaseService
    let sessions: RemoteSessionService
    let notifications: NotificationService
    let caseID: String
    let suspectID: String
    let rooms: [InterviewRoom]
    let keys: SealKeyStore
    let filesDirectory: URL

    static let repository = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../..").standardizedFileURL
    static let passwords = PasswordHashingPool(hasher: PasswordHasher(parameters: .init(memoryKiB: 256, iterations: 1, parallelism: 1)))

    static func run(_ engine: TestEngine, _ body: (SessionFixture) async throws -> Void) async throws {
        let files = FileManager.default.temporaryDirectory.appending(path: "jianwu-session-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: files) }
        try await engine.withStore { store in
            _ = try await Migrator(
                IdentitySchema.migrations + NotificationsSchema.migrations + CasesSchema.migrations + RemoteSessionsSchema.migrations
            ).migrate(store)
            let clock = TestClock()
            let identity = try IdentityService(store: store, clock: clock, passwords: passwords)
            try await DemoWorld.seed(identity)
            let charges = try ChargeCatalogue.load(csvAt: repository.appending(path: "Data/laws/criminal-law-articles-with-charges.csv"))
            let cases = CaseService(store: store, charges: charges, filesDirectory: files, clock: clock)
            let notifications = NotificationService(store: store)
            let keys = try SealKeyStore.open(dataDirectory: files)
            let janus = try JanusSettings.forDataDirectory(files, externalURL: URL(string: "http://127.0.0.1:9/janus"))
            let recordings = RecordingArchive(janus: janus, dataDirectory: files, keys: keys) { _ in }
            let sessions = RemoteSessionService(store: store, cases: cases, notifications: notifications, recordings: recordings, clock: clock)
            try await DemoRooms.seed(sessions, identity: identity)
            let prosecutor = try await actor(identity, "prosecutor")
            let context = AuditContext(actorID: prosecutor.userID, sourceAddress: "", clock: clock)
            let created = try await cases.create(
                NewCase(name: "张某盗窃案", stage: .arrestReview, receivedOn: "2026-12-01", charges: ["盗窃罪"]), by: prosecutor, context: context)
            let suspect = try await cases.addPerson(created.summary.id, NewPerson(role: .suspect, name: "张某"), by: prosecutor, context: context)
            let centre = try await store.queryValue("SELECT id FROM organisations WHERE kind = 'detentionCentre' ORDER BY path LIMIT 1", as: String.self)
            _ = try await cases.addMeasure(
                created.summary.id, personID: suspect.id, NewMeasure(kind: .criminalDetention, startsOn: "2026-11-30", placeId: centre), by: prosecutor,
                context: context)
            try await body(
                SessionFixture(
                    identity: identity, cases: cases, sessions: sessions, notifications: notifications, caseID: created.summary.id, suspectID: suspect.id,
                    rooms: try await sessions.rooms(detentionCentreID: centre), keys: keys, filesDirectory: files))
        }
    }

    static func actor(_ identity: IdentityService, _ username: String) async throws -> Actor {
        let id = try await identity.store.queryValue("SELECT id FROM users WHERE username = \(username)", as: String.self)
        return try await identity.loadActor(userID: id)!
    }

    func actor(_ username: String) async throws -> Actor { try await Self.actor(identity, username) }

    func context(_ actor: Actor) -> AuditContext { AuditContext(actorID: actor.userID, sourceAddress: "", clock: TestClock()) }

    /// 2026-12-04 at `hour`:`minute` Shanghai time.
    static func tomorrow(_ hour: Int, _ minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_796_313_600 + Double(hour * 3600 + minute * 60))
    }

    func booking(room: Int = 0, from: Int, to: Int) -> NewBooking {
        NewBooking(caseId: caseID, personId: suspectID, roomId: rooms[room].id, startsAt: Self.tomorrow(from), endsAt: Self.tomorrow(to))
    }
}
