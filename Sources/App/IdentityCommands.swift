import Cases
import Foundation
import Identity
import Knowledge
import Notifications
import RemoteSessions
import Security
import Store

/// `jianwu seed-demo` and `jianwu audit verify`.
enum IdentityCommands {
    static func seedDemo(arguments: [String], environment: [String: String]) async throws -> Int32 {
        try await withMigratedStore(arguments: arguments, environment: environment) { store, location, configuration in
            let identity = try IdentityService(store: store)
            if try await DemoWorld.seed(identity) {
                print("\(location): demo organisations and accounts created")
            } else {
                print("\(location): demo accounts already exist")
            }
            guard let assets = Application.locateAssets() else {
                throw ConfigurationError("the shipped data directory (Data/) was not found", fix: "run jianwu from its source tree")
            }
            let charges = try ChargeCatalogue.load(csvAt: assets.chargeKeywords)
            let cases = CaseService(store: store, charges: charges, filesDirectory: configuration.dataDirectory.appending(path: "files"))
            let created = try await DemoCases.seed(cases: cases, identity: identity, jsonl: assets.root.appending(path: "cases/criminal-cases-dev.jsonl"))
            print(created > 0 ? "\(location): \(created) demo cases created from real judgments" : "\(location): demo cases already exist")
            let rooms = try await DemoRooms.seed(
                RemoteSessionService(store: store, cases: cases, notifications: NotificationService(store: store)), identity: identity)
            if rooms > 0 { print("\(location): \(rooms) interview rooms at the demo detention centre") }
            print("Sign in at http://127.0.0.1:8080 with any of these accounts, password \(DemoWorld.password):")
            for account in DemoWorld.accounts {
                print("  \(account.username.padding(toLength: 12, withPad: " ", startingAt: 0)) \(account.role.chineseName)")
            }
            return 0
        }
    }

    /// `audit verify [--head SEQ:DIGEST]`: exit 0 when intact, 1 naming the first broken link.
    static func audit(arguments: [String], environment: [String: String]) async throws -> Int32 {
        guard arguments.first == "verify" else {
            CommandLineTool.fail("usage: jianwu audit verify [--data-dir DIR] [--db DB] [--head SEQ:DIGEST]")
            return 2
        }
        var rest = Array(arguments.dropFirst())
        var head: AuditChain.Anchor?
        if let index = rest.firstIndex(of: "--head") {
            let parts = index + 1 < rest.count ? rest[index + 1].split(separator: ":") : []
            guard parts.count == 2, let sequence = UInt64(parts[0]), parts[1].count == 64 else {
                throw ConfigurationError("--head must be SEQUENCE:DIGEST (64 hex characters)", fix: "use the head printed by an earlier 'jianwu audit verify'")
            }
            head = AuditChain.Anchor(sequence: sequence, digestHex: String(parts[1]).lowercased())
            rest.removeSubrange(index...(index + 1))
        }
        return try await withMigratedStore(arguments: rest, environment: environment, migrate: false) { store, location, _ in
            let result = try await AuditLog.verify(in: store, expectedHead: head)
            if let broken = result.firstBreak {
                print("\(location): audit chain BROKEN at \(broken) after \(result.verifiedCount) intact event(s)")
                return 1
            }
            print("\(location): audit chain intact, \(result.verifiedCount) event(s); head \(result.lastVerified.sequence):\(result.lastVerified.digestHex)")
            return 0
        }
    }

    private static func withMigratedStore(
        arguments: [String], environment: [String: String], migrate: Bool = true,
        _ body: (any Store, StoreLocation, ServeConfiguration) async throws -> Int32
    ) async throws -> Int32 {
        let configuration = try ServeConfiguration.parse(arguments: arguments, environment: environment)
        try DataDirectory.prepare(configuration.dataDirectory)
        let location = try StoreBootstrap.location(for: configuration)
        let store = try await StoreBootstrap.open(location)
        do {
            _ = try await StoreBootstrap.prepareSchema(store, allowMigration: migrate)
            let status = try await body(store, location, configuration)
            await store.close()
            return status
        } catch {
            await store.close()
            throw error
        }
    }
}
