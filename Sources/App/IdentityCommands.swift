import Foundation
import Identity
import Security
import Store

/// `jianwu seed-demo` and `jianwu audit verify`.
enum IdentityCommands {
    static func seedDemo(arguments: [String], environment: [String: String]) async throws -> Int32 {
        try await withMigratedStore(arguments: arguments, environment: environment) { store, location in
            let identity = try IdentityService(store: store)
            if try await DemoWorld.seed(identity) {
                let names = DemoWorld.accounts.map(\.username).joined(separator: ", ")
                print("\(location): demo organisations and accounts created (\(names); password \(DemoWorld.password))")
            } else {
                print("\(location): demo accounts already exist; nothing changed")
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
        return try await withMigratedStore(arguments: rest, environment: environment, migrate: false) { store, location in
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
        arguments: [String], environment: [String: String], migrate: Bool = true, _ body: (any Store, StoreLocation) async throws -> Int32
    ) async throws -> Int32 {
        let configuration = try ServeConfiguration.parse(arguments: arguments, environment: environment)
        try DataDirectory.prepare(configuration.dataDirectory)
        let location = try StoreBootstrap.location(for: configuration)
        let store = try await StoreBootstrap.open(location)
        do {
            _ = try await StoreBootstrap.prepareSchema(store, allowMigration: migrate)
            let status = try await body(store, location)
            await store.close()
            return status
        } catch {
            await store.close()
            throw error
        }
    }
}
