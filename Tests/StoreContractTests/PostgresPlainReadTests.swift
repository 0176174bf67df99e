@testable import StorePostgres
import Testing

/// Which statements the PostgreSQL store may run a second time after a lost connection: plain reads only.
struct PostgresPlainReadTests {
    @Test(arguments: [
        "SELECT name, value FROM bench_store WHERE id = $1",
        "select 1",
        "  WITH recent AS (SELECT id FROM cases) SELECT * FROM recent",
        "VALUES (1), (2)",
        "SHOW statement_timeout",
        "SELECT 案件 FROM t WHERE name_into = $1",
    ])
    func plainReadsMayBeRetried(sql: String) {
        #expect(PostgresStore.isPlainRead(sql))
    }

    @Test(arguments: [
        "",
        "INSERT INTO t (id) VALUES ($1)",
        "SELECT * FROM t FOR UPDATE",
        "WITH moved AS (DELETE FROM a RETURNING *) SELECT * FROM moved",
        "SELECT nextval('case_numbers')",
        "select id into backup_cases from cases",
        "update t set x = 1",
    ])
    func anythingThatMayWriteIsNotRetried(sql: String) {
        #expect(!PostgresStore.isPlainRead(sql))
    }
}
