import App
import Foundation
import Identity
import Store
import StoreSQLite
import Testing

/// `jianwu audit verify` on a real data directory: exit 0 and the head when intact, exit 1 once a row is edited.
struct AuditCommandTests {
    @Test func verifyPassesOnAnIntactChainAndFailsOnceARowIsEdited() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["--data-dir", directory.path]
        #expect(await CommandLineTool.run(arguments: ["seed-demo"] + arguments, environment: [:]) == 0)
        #expect(await CommandLineTool.run(arguments: ["audit", "verify"] + arguments, environment: [:]) == 0)

        let store = try await SQLiteStore.open(path: directory.appending(path: "jianwu.db").path)
        let events = try await store.queryValue("SELECT count(*) FROM audit_events", as: Int.self)
        #expect(events == 11 + DemoWorld.accounts.count, "one event per demo organisation and account")
        try await store.execute("UPDATE audit_events SET actor_id = 'intruder' WHERE sequence = 5")
        await store.close()
        #expect(await CommandLineTool.run(arguments: ["audit", "verify"] + arguments, environment: [:]) == 1)
        #expect(await CommandLineTool.run(arguments: ["audit", "check"] + arguments, environment: [:]) == 2)
    }
}
