import Foundation
import Store
import StorePostgres
import StoreTestSupport
import Testing

/// What only the PostgreSQL driver promises: statement timeouts, reconnecting, prepared statements, TLS options.
@Suite(.enabled(if: TestEngine.postgresURL != nil || TestEngine.isCI, "JIANWU_TEST_POSTGRES_URL is not set: PostgreSQL driver tests SKIPPED"))
struct PostgresStoreTests {
    private var url: String {
        get throws { try #require(TestEngine.postgresURL, "CI must set JIANWU_TEST_POSTGRES_URL") }
    }

    @Test func aStatementPastItsTimeoutFailsWithTimeout() async throws {
        let configuration = PostgresStore.Configuration(statementTimeout: .milliseconds(200))
        try await PostgresTestSchema.withStore(serverURL: try url, configuration: configuration) { store in
            do {
                _ = try await store.query("SELECT pg_sleep(\(3))")
                Issue.record("pg_sleep(3) outlived a 200 ms statement timeout")
            } catch {
                #expect((error as? StoreError)?.reason == .timeout)
            }
            let stillWorks = try await store.queryValue("SELECT 1", as: Int.self)
            #expect(stillWorks == 1)
        }
    }

    @Test func theStoreReconnectsAfterTheServerEndsItsSession() async throws {
        let configuration = PostgresStore.Configuration(maximumConnections: 1)
        try await PostgresTestSchema.withStore(serverURL: try url, configuration: configuration) { store in
            try await store.executeScript(unsafeSQL: "CREATE TABLE marks (id BIGINT PRIMARY KEY)")
            let admin = try await PostgresStore.open(url: try url)
            // The admin store is closed on every path, so a failure reads as that failure, not as a leaked connection.
            do {
                for round in 1...3 {
                    let backend = try await store.queryValue("SELECT pg_backend_pid()", as: Int.self)
                    _ = try await admin.query("SELECT pg_terminate_backend(\(backend))")
                    try await Task.sleep(for: .milliseconds(100))
                    // A write on the dead idle connection: detected before sending, so it runs once on a new one.
                    try await store.execute("INSERT INTO marks (id) VALUES (\(round))")
                    #expect(try await store.queryValue("SELECT pg_backend_pid()", as: Int.self) != backend)
                }
                #expect(try await store.queryValue("SELECT count(*) FROM marks", as: Int.self) == 3)
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
        }
    }

    @Test func repeatedQueriesReuseOnePreparedStatement() async throws {
        let configuration = PostgresStore.Configuration(maximumConnections: 1)
        try await PostgresTestSchema.withStore(serverURL: try url, configuration: configuration) { store in
            for value in 1...5 { _ = try await store.query("SELECT \(value)::int + 1 AS next") }
            let prepared = try await store.queryValue(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement = \("SELECT $1::int + 1 AS next")", as: Int.self)
            #expect(prepared == 1)
        }
    }

    @Test func tlsOptionsInTheURLReachLibpq() async throws {
        // The test server has no TLS: a URL demanding it must be refused by libpq, which proves the option got there.
        let plain = try url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")
        let demanding = plain.contains("sslmode=require") ? plain : plain + (plain.contains("?") ? "&" : "?") + "sslmode=require"
        do {
            let store = try await PostgresStore.open(url: demanding)
            await store.close()
            Issue.record("sslmode=require connected to a server without TLS")
        } catch {
            #expect((error as? StoreError)?.reason == .connectionFailed)
            #expect((error as? StoreError)?.message.contains("SSL") == true)
        }
    }

    @Test func anUnreachableServerIsAConnectionFailure() async throws {
        do {
            _ = try await PostgresStore.open(url: "postgres://postgres@127.0.0.1:1/none?connect_timeout=2")
            Issue.record("connected to port 1")
        } catch {
            #expect((error as? StoreError)?.reason == .connectionFailed)
        }
    }
}
