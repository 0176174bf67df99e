import Foundation
public import Identity
import Store

/// The demo detention centre's interview rooms, set up by its officer. Seeding twice changes nothing.
public enum DemoRooms {
    @discardableResult
    public static func seed(_ sessions: RemoteSessionService, identity: IdentityService) async throws -> Int {
        guard try await sessions.store.queryValue("SELECT count(*) FROM interview_rooms", as: Int.self) == 0,
            let centre = try await sessions.store.queryFirst("SELECT id FROM organisations WHERE kind = 'detentionCentre' ORDER BY path LIMIT 1"),
            let officerRow = try await sessions.store.queryFirst("SELECT id FROM users WHERE username = 'officer'"),
            let officer = try await identity.loadActor(userID: try officerRow.decode(column: "id"))
        else { return 0 }
        let centreID: String = try centre.decode(column: "id")
        let context = AuditContext(actorID: officer.userID, sourceAddress: "", clock: sessions.clock)
        // Two rooms with office hours, and one open all day so a newcomer can try a session whenever they read this.
        for (name, opens, closes) in [("第一谈话室", "08:30", "17:30"), ("第二谈话室", "08:30", "17:30"), ("第三谈话室", "00:00", "23:59")] {
            _ = try await sessions.createRoom(
                detentionCentreID: centreID, NewRoom(name: name, opensAt: opens, closesAt: closes), by: officer, context: context)
        }
        return 3
    }
}
