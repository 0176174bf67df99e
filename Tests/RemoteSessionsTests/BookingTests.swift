import Foundation
import HTTPRouter
import Cases
import HTTPServer
import Identity
import Notifications
import RemoteSessions
import Store
import StoreTestSupport
import Testing

/// Booking a remote interrogation: inside opening hours, a suspect held there, and never two sessions holding the same
/// room, suspect or prosecutor at once — even when the bookings race.
struct BookingTests {
    @Test(arguments: TestEngine.available)
    func aBookingReachesTheDetentionOfficerAndBlocksItsSlot(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let officer = try await fixture.actor("officer")
            let booked = try await fixture.sessions.book(fixture.booking(from: 9, to: 10), by: prosecutor, context: fixture.context(prosecutor))
            #expect(booked.state == .booked)
            #expect(booked.allowedActions.map(\.action) == [.cancel])
            let inbox = try await fixture.notifications.inbox(userID: officer.userID)
            #expect(inbox.items.first?.title == "新的远程提讯预约：张某盗窃案")

            // Same room overlapping; same suspect in another room; same prosecutor: each refused with its reason.
            let room = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.book(fixture.booking(room: 0, from: 9, to: 11), by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(room?.code == "room-taken")
            let suspect = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.book(fixture.booking(room: 1, from: 9, to: 10), by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(suspect?.code == "suspect-taken")
            // Back to back is fine.
            let next = try await fixture.sessions.book(fixture.booking(room: 0, from: 10, to: 11), by: prosecutor, context: fixture.context(prosecutor))
            #expect(next.state == .booked)
        }
    }

    @Test(arguments: TestEngine.available)
    func racingBookingsOfOneSlotLeaveExactlyOne(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        // Different rooms and minutes, all overlapping on the same suspect.
                        let booking = fixture.booking(room: index % 3, from: 14, to: 15)
                        do {
                            _ = try await fixture.sessions.book(booking, by: prosecutor, context: fixture.context(prosecutor))
                            return true
                        } catch let error as HTTPError where error.status == .conflict {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let held = try await fixture.identity.store.queryValue(
                "SELECT count(*) FROM remote_sessions WHERE state = 'booked'", as: Int.self)
            #expect(held == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func badBookingsAreRefusedWithTheFieldAtFault(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let early = NewBooking(
                caseId: fixture.caseID, personId: fixture.suspectID, roomId: fixture.rooms[0].id, startsAt: SessionFixture.tomorrow(7),
                endsAt: SessionFixture.tomorrow(8, 30))
            let cases: [(NewBooking, String, String)] = [
                (early, "startsAt", "第一谈话室的开放时间为 08:30–17:30，预约须在同一天的开放时间内。"),
                (fixture.booking(from: 10, to: 9), "endsAt", "结束时间须晚于开始时间。"),
                (fixture.booking(from: 9, to: 14), "endsAt", "每次提讯时长须在 15 分钟至 4 小时之间。"),
            ]
            for (booking, field, detail) in cases {
                let error = await #expect(throws: HTTPError.self) {
                    _ = try await fixture.sessions.book(booking, by: prosecutor, context: fixture.context(prosecutor))
                }
                #expect(error?.field == field)
                #expect(error?.detail == detail)
            }
            #expect(try await fixture.identity.store.queryValue("SELECT count(*) FROM remote_sessions", as: Int.self) == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func eachSideDoesOnlyItsOwnSteps(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let officer = try await fixture.actor("officer")
            let id = try await fixture.sessions.book(fixture.booking(from: 9, to: 10), by: prosecutor, context: fixture.context(prosecutor)).id
            let notHost = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.act(id, .confirm, reason: nil, by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(notHost?.status == .forbidden)
            let noReason = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.act(id, .refuse, reason: " ", by: officer, context: fixture.context(officer))
            }
            #expect(noReason?.field == "reason")
            let confirmed = try await fixture.sessions.act(id, .confirm, reason: nil, by: officer, context: fixture.context(officer))
            #expect(confirmed.state == .confirmed)
            #expect(try await fixture.notifications.inbox(userID: prosecutor.userID).items.first?.title == "远程提讯确认预约：张某盗窃案")
            let early = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.act(id, .start, reason: nil, by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(early?.code == "wrong-state")
            _ = try await fixture.sessions.act(id, .admit, reason: nil, by: officer, context: fixture.context(officer))
            let live = try await fixture.sessions.act(id, .start, reason: nil, by: prosecutor, context: fixture.context(prosecutor))
            #expect(live.state == .live)
            let ended = try await fixture.sessions.act(id, .end, reason: nil, by: prosecutor, context: fixture.context(prosecutor))
            #expect(ended.events.map(\.kind) == ["booked", "confirm", "admit", "start", "end"])
            // Another city's officer cannot see it; the calendar shows it to both sides.
            let judge = try await fixture.actor("judge")
            await #expect(throws: HTTPError.self) { _ = try await fixture.sessions.session(id, by: judge) }
            let window = (SessionFixture.tomorrow(0), SessionFixture.tomorrow(23))
            #expect(try await fixture.sessions.calendar(from: window.0, to: window.1, by: officer).map(\.id) == [id])
            #expect(try await fixture.sessions.calendar(from: window.0, to: window.1, by: prosecutor).map(\.id) == [id])
            #expect(try await fixture.sessions.calendar(from: window.0, to: window.1, by: judge).isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func aSuspectNotHeldThereCannotBeBooked(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let free = try await fixture.cases.addPerson(fixture.caseID, NewPerson(role: .suspect, name: "李某"), by: prosecutor, context: fixture.context(prosecutor))
            var booking = fixture.booking(from: 9, to: 10)
            booking.personId = free.id
            let error = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.book(booking, by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(error?.field == "personId")
        }
    }
}

/// The transcript: saved as versions by the prosecutor's side during and after the session, read by the terminal,
/// and never silently overwritten by a second editor.
struct TranscriptTests {
    @Test(arguments: TestEngine.available)
    func versionsAreKeptAndAStaleSaveIsRefused(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let officer = try await fixture.actor("officer")
            let id = try await fixture.sessions.book(fixture.booking(from: 9, to: 10), by: prosecutor, context: fixture.context(prosecutor)).id
            let early = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.saveTranscript(id, TranscriptSave(baseVersion: 0, turns: []), by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(early?.code == "wrong-state")
            for (action, actor) in [(SessionAction.confirm, officer), (.admit, officer), (.start, prosecutor)] {
                _ = try await fixture.sessions.act(id, action, reason: nil, by: actor, context: fixture.context(actor))
            }
            let first = try await fixture.sessions.saveTranscript(
                id, TranscriptSave(baseVersion: 0, turns: [.init(speaker: .question, text: "你的姓名？")]), by: prosecutor, context: fixture.context(prosecutor))
            #expect(first.version == 1)
            let second = try await fixture.sessions.saveTranscript(
                id, TranscriptSave(baseVersion: 1, turns: first.turns + [.init(speaker: .answer, text: "张某。")]), by: prosecutor,
                context: fixture.context(prosecutor))
            #expect(second.version == 2)
            let stale = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.saveTranscript(
                    id, TranscriptSave(baseVersion: 1, turns: []), by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(stale?.code == "stale-version")
            let seenByTerminal = try await fixture.sessions.transcript(id, by: officer)
            #expect(seenByTerminal.turns.map(\.text) == ["你的姓名？", "张某。"])
            #expect(!seenByTerminal.editable)
            let notOfficers = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.saveTranscript(id, TranscriptSave(baseVersion: 2, turns: []), by: officer, context: fixture.context(officer))
            }
            #expect(notOfficers?.status == .forbidden)
            #expect(try await fixture.sessions.transcript(id, version: 1, by: prosecutor).turns.count == 1)
        }
    }
}

/// The 件/人 statistics count sessions that took place, distinct cases and distinct persons, within the leader's scope.
struct SessionStatisticsTests {
    @Test(arguments: TestEngine.available)
    func heldSessionsAreCountedByCasesAndPersons(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let officer = try await fixture.actor("officer")
            for (room, hours) in [(0, (9, 10)), (1, (11, 12))] {
                let id = try await fixture.sessions.book(fixture.booking(room: room, from: hours.0, to: hours.1), by: prosecutor, context: fixture.context(prosecutor)).id
                for (action, actor) in [(SessionAction.confirm, officer), (.admit, officer), (.start, prosecutor), (.end, prosecutor)] {
                    _ = try await fixture.sessions.act(id, action, reason: nil, by: actor, context: fixture.context(actor))
                }
            }
            _ = try await fixture.sessions.book(fixture.booking(room: 2, from: 14, to: 15), by: prosecutor, context: fixture.context(prosecutor))
            let chief = try await fixture.actor("chief")
            let window = (SessionFixture.tomorrow(0), SessionFixture.tomorrow(23))
            let rows = try await fixture.sessions.statistics(from: window.0, to: window.1, groupBy: .organisation, by: chief)
            #expect(rows.count == 1)
            #expect(rows.first?.label == "南京市鼓楼区人民检察院")
            #expect(rows.first.map { [$0.sessions, $0.cases, $0.persons] } == [2, 1, 1])
            let kinds = try await fixture.sessions.statistics(from: window.0, to: window.1, groupBy: .kind, by: chief)
            #expect(kinds.map(\.label) == ["远程提讯"])
            let prosecutor2 = try await fixture.actor("prosecutor2")
            #expect(try await fixture.sessions.statistics(from: window.0, to: window.1, groupBy: .organisation, by: prosecutor2).isEmpty)
        }
    }
}
