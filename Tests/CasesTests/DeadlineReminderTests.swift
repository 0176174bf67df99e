import Cases
import Foundation
import Identity
import Notifications
import Store
import StoreTestSupport
import Testing

/// Case teams hear of deadlines three days before, on the day and once overdue; each state once.
struct DeadlineReminderTests {
    @Test(arguments: TestEngine.available)
    func teamIsRemindedOncePerDeadlineStateAndOthersNotAtAll(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let notifications = NotificationService(store: fixture.identity.store)
            let reminders = DeadlineReminders(cases: fixture.cases, notifications: notifications)
            // Received 2026-11-28, not detained: due 2026-12-14; today is 2026-12-03, so no reminder yet.
            let created = try await fixture.theftCase(receivedOn: "2026-11-28")
            #expect(try await reminders.run() == 0)
            let prosecutor = try await fixture.actor("prosecutor")
            let chief = try await fixture.actor("chief")

            fixture.clock.advance(days: 8)  // 2026-12-11: three days left
            try await fixture.cases.refreshAllDeadlines()
            #expect(try await reminders.run() == 1)
            #expect(try await reminders.run() == 0, "the same state is not repeated")
            let soon = try #require(try await notifications.inbox(userID: prosecutor.userID).items.first)
            #expect(soon.title == "临期：\(created.summary.name)")
            #expect(soon.level == .warning)
            #expect(soon.body.contains("还剩 3 天"))

            fixture.clock.advance(days: 4)  // 2026-12-15: one day over
            #expect(try await reminders.run() == 1)
            let overdue = try #require(try await notifications.inbox(userID: prosecutor.userID).items.first)
            #expect(overdue.level == .danger)
            #expect(overdue.body.contains("已超期 1 天"))
            #expect(try await notifications.inbox(userID: chief.userID).items.isEmpty, "only the case team is reminded")
        }
    }
}
