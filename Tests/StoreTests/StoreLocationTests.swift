import Store
import Testing

struct StoreLocationTests {
    @Test func noOptionMeansSQLiteInTheDataDirectory() throws {
        #expect(try StoreLocation(parsing: nil, dataDirectory: "/var/lib/jianwu/").engine == .sqlite(path: "/var/lib/jianwu/jianwu.db"))
        #expect(try StoreLocation(parsing: "  ", dataDirectory: "data").engine == .sqlite(path: "data/jianwu.db"))
    }

    @Test func sqlitePrefixAndPlainPathsSelectSQLite() throws {
        #expect(try StoreLocation(parsing: "sqlite:/tmp/a.db", dataDirectory: "d").engine == .sqlite(path: "/tmp/a.db"))
        #expect(try StoreLocation(parsing: "other.db", dataDirectory: "d").engine == .sqlite(path: "other.db"))
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "sqlite:", dataDirectory: "d") }
    }

    @Test func postgresURLsSelectPostgresUnchanged() throws {
        let url = "postgresql://jw:pw@db.internal:5432/jianwu?sslmode=verify-full&sslrootcert=/etc/ca.pem"
        #expect(try StoreLocation(parsing: url, dataDirectory: "d").engine == .postgres(url: url))
        #expect(try StoreLocation(parsing: "postgres://h/db", dataDirectory: "d").engine == .postgres(url: "postgres://h/db"))
    }

    @Test func unknownSchemesAreRejected() {
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "mysql://h/db", dataDirectory: "d") }
    }

    @Test func descriptionHidesPasswords() throws {
        let location = try StoreLocation(parsing: "postgres://jw:s3cret@h:5432/db?sslmode=require", dataDirectory: "d")
        #expect(location.description == "postgres://jw:***@h:5432/db?sslmode=require")
        let query = try StoreLocation(parsing: "postgres://h/db?user=jw&password=s3cret", dataDirectory: "d")
        #expect(!query.description.contains("s3cret"))
    }
}
