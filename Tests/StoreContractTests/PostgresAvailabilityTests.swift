import Store
import StorePostgres
import StoreTestSupport
import Testing

/// Makes the PostgreSQL half of the contract suite visible: skipped (with the reason) when no test server is
/// configured on a developer machine, failed in CI, passed when the server answers.
struct PostgresAvailabilityTests {
    @Test(
        .enabled(
            if: TestEngine.postgresURL != nil || TestEngine.isCI,
            "JIANWU_TEST_POSTGRES_URL is not set: the PostgreSQL half of the store contract suite is SKIPPED (scripts/postgres-test.sh start)"))
    func postgresHalfOfTheContractSuiteHasAServer() async throws {
        let url = try #require(TestEngine.postgresURL, "CI must set JIANWU_TEST_POSTGRES_URL (scripts/postgres-test.sh start)")
        let store = try await PostgresStore.open(url: url)
        let version = try await store.queryValue("SHOW server_version_num", as: Int.self)
        await store.close()
        #expect(version >= 150_000)
    }
}
