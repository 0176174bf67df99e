import Store
import Testing

struct MigrationTests {
    @Test func checksumChangesWhenTheScriptChanges() {
        let original = Migration("001", sql: "CREATE TABLE a (id BIGINT)")
        let edited = Migration("001", sql: "CREATE TABLE a (id BIGINT, x TEXT)")
        #expect(original.checksum(for: .sqlite) == Migration("001", sql: "CREATE TABLE a (id BIGINT)").checksum(for: .sqlite))
        #expect(original.checksum(for: .sqlite) != edited.checksum(for: .sqlite))
        #expect(original.checksum(for: .sqlite).count == 16)
    }

    @Test func perEngineScriptsAreChosenByDialect() {
        let migration = Migration("002", sqlite: "S", postgres: "P")
        #expect(migration.script(for: .sqlite) == "S")
        #expect(migration.script(for: .postgres) == "P")
        #expect(migration.checksum(for: .sqlite) != migration.checksum(for: .postgres))
    }
}
