import Foundation
import Identity
import Security
import Store
import StoreTestSupport
import Testing

/// The audit chain in the store: each kind of tampering with rows is caught and named; events live and die with
/// the transaction of the change they record.
struct AuditLogStoreTests {
    struct Refused: Error {}

    static func withChain(_ engine: TestEngine, events: Int = 6, _ body: (any Store) async throws -> Void) async throws {
        try await engine.withStore { store in
            _ = try await Migrator(IdentitySchema.migrations).migrate(store)
            let context = AuditContext(actorID: "u1", sourceAddress: "10.0.0.1")
            for index in 1...events {
                _ = try await store.withTransaction { tx in
                    try await AuditLog.append(context.event("case.update", "case", "c\(index)", details: ["field": "stage"]), in: tx)
                }
            }
            try await body(store)
        }
    }

    @Test(arguments: TestEngine.available)
    func untouchedChainVerifies(engine: TestEngine) async throws {
        try await Self.withChain(engine) { store in
            let result = try await AuditLog.verify(in: store)
            #expect(result.isIntact)
            #expect(result.verifiedCount == 6)
            #expect(result.lastVerified.sequence == 6)
        }
    }

    @Test(arguments: TestEngine.available)
    func editedRowIsNamed(engine: TestEngine) async throws {
        try await Self.withChain(engine) { store in
            try await store.execute("UPDATE audit_events SET resource_id = 'c99' WHERE sequence = 4")
            let result = try await AuditLog.verify(in: store)
            #expect(result.firstBreak?.sequence == 4)
            #expect(result.firstBreak?.reason == .digestMismatch)
            #expect(result.verifiedCount == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func deletedRowIsNamed(engine: TestEngine) async throws {
        try await Self.withChain(engine) { store in
            try await store.execute("DELETE FROM audit_events WHERE sequence = 3")
            let result = try await AuditLog.verify(in: store)
            #expect(result.firstBreak?.sequence == 4)
            #expect(result.firstBreak?.reason == .sequenceGap)
        }
    }

    @Test(arguments: TestEngine.available)
    func reorderedRowsAreNamed(engine: TestEngine) async throws {
        try await Self.withChain(engine) { store in
            // Swap the contents of sequences 2 and 5 by swapping their numbers.
            try await store.withTransaction { tx in
                try await tx.execute("UPDATE audit_events SET sequence = -2 WHERE sequence = 2")
                try await tx.execute("UPDATE audit_events SET sequence = 2 WHERE sequence = 5")
                try await tx.execute("UPDATE audit_events SET sequence = 5 WHERE sequence = -2")
            }
            let result = try await AuditLog.verify(in: store)
            #expect(result.firstBreak?.sequence == 2)
            #expect(result.firstBreak?.reason == .previousMismatch)
        }
    }

    @Test(arguments: TestEngine.available)
    func rehashedForgeryIsCaughtAtTheNextLink(engine: TestEngine) async throws {
        try await Self.withChain(engine) { store in
            // A forger recomputes the digest of the row they changed, but not the rows after it.
            let records = try await AuditLog.records(after: 2, limit: 1, in: store)
            var event = try #require(records.first).event
            event.actorID = "someone-else"
            let previous = try await AuditLog.records(after: 1, limit: 1, in: store).first
            let forged = try AuditChain.record(event, after: previous)
            try await store.execute("UPDATE audit_events SET actor_id = 'someone-else', digest = \(forged.digestHex) WHERE sequence = 3")
            let result = try await AuditLog.verify(in: store)
            #expect(result.firstBreak?.sequence == 4)
            #expect(result.firstBreak?.reason == .previousMismatch)
        }
    }

    @Test(arguments: TestEngine.available)
    func removedNewestRowsAreCaughtAgainstATrustedHead(engine: TestEngine) async throws {
        try await Self.withChain(engine) { store in
            let head = try await AuditLog.verify(in: store).lastVerified
            try await store.execute("DELETE FROM audit_events WHERE sequence >= 5")
            #expect(try await AuditLog.verify(in: store).isIntact, "without a head a clean cut looks whole")
            let result = try await AuditLog.verify(in: store, expectedHead: head)
            #expect(result.firstBreak?.reason == .truncated)
            #expect(result.firstBreak?.sequence == 5)
        }
    }

    @Test(arguments: TestEngine.available)
    func verificationCrossesBatchBoundaries(engine: TestEngine) async throws {
        try await Self.withChain(engine, events: 7) { store in
            #expect(try await AuditLog.verify(in: store, batchSize: 3).verifiedCount == 7)
            try await store.execute("UPDATE audit_events SET action = 'case.delete' WHERE sequence = 7")
            let result = try await AuditLog.verify(in: store, batchSize: 3)
            #expect(result.firstBreak?.sequence == 7)
            #expect(result.verifiedCount == 6)
        }
    }

    @Test(arguments: TestEngine.available)
    func eventOfARolledBackChangeIsNotKept(engine: TestEngine) async throws {
        try await Self.withChain(engine, events: 2) { (store: any Store) async throws in
            await #expect(throws: Refused.self) {
                try await store.withTransaction { tx in
                    try await AuditLog.append(AuditContext(actorID: "u1", sourceAddress: "").event("user.create", "user", "x"), in: tx)
                    throw Refused()
                }
            }
            #expect(try await store.queryValue("SELECT count(*) FROM audit_events", as: Int.self) == 2)
            #expect(try await AuditLog.verify(in: store).isIntact)
        }
    }
}

/// Appends racing from many tasks: every event lands once, in one unbroken chain.
struct AuditLogConcurrencyTests {
    @Test(arguments: TestEngine.available)
    func concurrentAppendsKeepOneUnbrokenChain(engine: TestEngine) async throws {
        try await engine.withStore { store in
            _ = try await Migrator(IdentitySchema.migrations).migrate(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let context = AuditContext(actorID: "u\(index % 3)", sourceAddress: "")
                        _ = try await store.withTransaction { tx in
                            try await AuditLog.append(context.event("case.read", "case", "c\(index)"), in: tx)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let result = try await AuditLog.verify(in: store)
            #expect(result.isIntact)
            #expect(result.verifiedCount == 24)
            let distinct = try await store.queryValue("SELECT count(DISTINCT resource_id) FROM audit_events", as: Int.self)
            #expect(distinct == 24)
        }
    }
}
