import Foundation
import Identity
import Security
import Notifications
import Store
import StoreTestSupport
import Testing

/// Notifications are stored once per user and key, pushed only after they are stored, and read only by their owner.
struct NotificationServiceTests {
    static func withService(_ engine: TestEngine, _ body: (NotificationService, [String]) async throws -> Void) async throws {
        try await engine.withStore { store in
            _ = try await Migrator(IdentitySchema.migrations + NotificationsSchema.migrations).migrate(store)
            let passwords = PasswordHashingPoolForTests.pool
            let identity = try IdentityService(store: store, passwords: passwords)
            try await DemoWorld.seed(identity)
            let ids = try await store.query("SELECT id FROM users WHERE username IN ('prosecutor', 'clerk') ORDER BY username")
                .map { try $0.decode(column: "id", as: String.self) }
            try await body(NotificationService(store: store), ids)
        }
    }

    static let draft = NotificationDraft(
        kind: "deadline", subjectType: "case", subjectId: "c1", title: "临期：张某盗窃案", body: "审查逮捕期限于 2026-12-05 届满。", level: .warning,
        dedupeKey: "deadline:c1:arrestReview:2026-12-05:dueSoon")

    @Test(arguments: TestEngine.available)
    func theSameReminderReachesEachUserOnce(engine: TestEngine) async throws {
        try await Self.withService(engine) { service, users in
            #expect(try await service.send(Self.draft, to: Set(users)) == 2)
            #expect(try await service.send(Self.draft, to: Set(users)) == 0)
            let inbox = try await service.inbox(userID: users[0])
            #expect(inbox.items.count == 1)
            #expect(inbox.unread == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func openPagesReceiveNewNotificationsAfterTheyAreStored(engine: TestEngine) async throws {
        try await Self.withService(engine) { service, users in
            let stream = service.hub.subscribe(userID: users[0])
            let other = service.hub.subscribe(userID: users[1])
            _ = other
            #expect(service.hub.subscriberCount == 2)
            try await service.send(Self.draft, to: [users[0]])
            var iterator = stream.makeAsyncIterator()
            let pushed = await iterator.next()
            #expect(pushed?.title == "临期：张某盗窃案")
            let stored = try await service.inbox(userID: users[0]).items.first
            #expect(stored?.id == pushed?.id)
        }
    }

    @Test(arguments: TestEngine.available)
    func onlyTheOwnerMarksANotificationRead(engine: TestEngine) async throws {
        try await Self.withService(engine) { service, users in
            try await service.send(Self.draft, to: [users[0]])
            let id = try #require(try await service.inbox(userID: users[0]).items.first?.id)
            #expect(try await service.markRead(id: id, userID: users[1]) == false)
            #expect(try await service.unreadCount(userID: users[0]) == 1)
            #expect(try await service.markRead(id: id, userID: users[0]))
            #expect(try await service.unreadCount(userID: users[0]) == 0)
        }
    }

    @Test func closingTheHubEndsEveryStream() async {
        let hub = NotificationHub()
        let stream = hub.subscribe(userID: "u1")
        hub.close()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        #expect(hub.subscriberCount == 0)
    }
}

enum PasswordHashingPoolForTests {
    static let pool = PasswordHashingPool(hasher: PasswordHasher(parameters: .init(memoryKiB: 256, iterations: 1, parallelism: 1)))
}
