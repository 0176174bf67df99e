import Foundation
import Store
import StoreTestSupport
import Testing

/// Values go in as bound parameters and come back as the same Swift values on both engines.
struct ValueContractTests {
    private static func createSamples(_ store: any Store) async throws {
        let blob = store.dialect == .postgres ? "BYTEA" : "BLOB"
        try await store.executeScript(
            unsafeSQL: """
                CREATE TABLE samples (
                    id BIGINT PRIMARY KEY, label TEXT NOT NULL, amount DOUBLE PRECISION, flag BOOLEAN,
                    payload \(blob), created_at TEXT, note TEXT
                )
                """)
    }

    @Test(arguments: TestEngine.available)
    func everySupportedTypeRoundTrips(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            let createdAt = Date(timeIntervalSince1970: 1_767_225_600.125)
            let payload: [UInt8] = [0, 1, 2, 0xfe, 0xff]
            try await store.execute(
                """
                INSERT INTO samples (id, label, amount, flag, payload, created_at, note)
                VALUES (\(Int64.max), \("宁鼓检刑诉〔2026〕12号"), \(-12.5), \(true), \(payload), \(createdAt), \(String?.none))
                """)
            let row = try await store.queryOne("SELECT id, label, amount, flag, payload, created_at, note FROM samples")
            #expect(try row.decode(column: "id", as: Int64.self) == Int64.max)
            #expect(try row.decode(column: "label", as: String.self) == "宁鼓检刑诉〔2026〕12号")
            #expect(try row.decode(column: "amount", as: Double.self) == -12.5)
            #expect(try row.decode(column: "flag", as: Bool.self) == true)
            #expect(try row.decode(column: "payload", as: [UInt8].self) == payload)
            #expect(try row.decode(column: "created_at", as: Date.self) == createdAt)
            #expect(try row.decode(column: "note", as: String?.self) == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func emptyTextAndEmptyBlobStayEmptyNotNull(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            try await store.execute("INSERT INTO samples (id, label, payload) VALUES (1, \(""), \([UInt8]()))")
            let row = try await store.queryOne("SELECT label, payload FROM samples WHERE id = 1")
            #expect(try row.decode(column: "label", as: String.self) == "")
            #expect(try row.decode(column: "payload", as: [UInt8].self) == [])
        }
    }

    @Test(arguments: TestEngine.available)
    func interpolatedTextIsBoundNeverSpliced(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            let hostile = "x'); DROP TABLE samples; --"
            try await store.execute("INSERT INTO samples (id, label) VALUES (1, \(hostile))")
            let stored = try await store.queryValue("SELECT label FROM samples WHERE label = \(hostile)", as: String.self)
            #expect(stored == hostile)
            #expect(try await store.queryValue("SELECT count(*) FROM samples", as: Int.self) == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func listInterpolationBindsEachElement(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            for id in 1...5 { try await store.execute("INSERT INTO samples (id, label) VALUES (\(id), \("n\(id)"))") }
            let wanted = [2, 4]
            let labels = try await store.query("SELECT label FROM samples WHERE id IN (\(list: wanted)) ORDER BY id")
                .map { try $0.decode(column: "label", as: String.self) }
            #expect(labels == ["n2", "n4"])
            let none = try await store.query("SELECT label FROM samples WHERE id IN (\(list: [Int]()))")
            #expect(none.isEmpty)
        }
    }

    private struct Sample: Decodable, Equatable {
        var id: Int64
        var label: String
        var amount: Double?
        var flag: Bool?
    }

    @Test(arguments: TestEngine.available)
    func rowsDecodeIntoDecodableTypesByColumnName(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            try await store.execute("INSERT INTO samples (id, label, amount, flag) VALUES (1, 'a', 2.5, \(false)), (2, 'b', NULL, NULL)")
            let samples = try await store.query("SELECT id, label, amount, flag FROM samples ORDER BY id", as: Sample.self)
            #expect(samples == [Sample(id: 1, label: "a", amount: 2.5, flag: false), Sample(id: 2, label: "b", amount: nil, flag: nil)])
        }
    }

    @Test(arguments: TestEngine.available)
    func decodingTheWrongTypeIsATypeMismatch(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            try await store.execute("INSERT INTO samples (id, label) VALUES (1, 'not a number')")
            let row = try await store.queryOne("SELECT label, note FROM samples")
            #expect(throws: StoreError.self) { try row.decode(column: "label", as: Int.self) }
            #expect(throws: StoreError.self) { try row.decode(column: "note", as: String.self) }
            #expect(throws: StoreError.self) { try row.decode(column: "missing", as: String.self) }
        }
    }

    @Test(arguments: TestEngine.available)
    func executeReportsTheNumberOfChangedRows(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            #expect(try await store.execute("INSERT INTO samples (id, label) VALUES (1, 'a'), (2, 'b'), (3, 'c')") == 3)
            #expect(try await store.execute("UPDATE samples SET note = \("x") WHERE id >= \(2)") == 2)
            #expect(try await store.execute("DELETE FROM samples WHERE id = \(99)") == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func writesWithReturningGoThroughQuery(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await Self.createSamples(store)
            let rows = try await store.query("INSERT INTO samples (id, label) VALUES (\(7), \("r")) RETURNING id, label")
            #expect(try rows.first?.decode(column: "id", as: Int.self) == 7)
            #expect(try await store.queryValue("SELECT count(*) FROM samples", as: Int.self) == 1)
        }
    }
}
