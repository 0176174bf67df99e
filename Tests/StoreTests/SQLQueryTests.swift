import Store
import Testing

struct SQLQueryTests {
    @Test func interpolatedValuesBecomePlaceholdersInEachDialect() {
        let number = "宁鼓检刑诉〔2026〕12号"
        let query: SQLQuery = "SELECT id FROM cases WHERE number = \(number) AND stage = \(3)"
        #expect(query.sql(for: .sqlite) == "SELECT id FROM cases WHERE number = ? AND stage = ?")
        #expect(query.sql(for: .postgres) == "SELECT id FROM cases WHERE number = $1 AND stage = $2")
        #expect(query.bindings == [.text(number), .integer(3)])
    }

    @Test func literalOnlyQueriesHaveNoBindings() {
        let query: SQLQuery = "SELECT 1"
        #expect(query.bindings.isEmpty)
        #expect(query.sql(for: .postgres) == "SELECT 1")
    }

    @Test func embeddedFragmentsKeepTheirParametersInOrder() {
        let filter: SQLQuery = "stage = \("arrestReview") AND team = \(7)"
        let query: SQLQuery = "SELECT * FROM cases WHERE id > \(10) AND \(filter) LIMIT \(5)"
        #expect(query.sql(for: .postgres) == "SELECT * FROM cases WHERE id > $1 AND stage = $2 AND team = $3 LIMIT $4")
        #expect(query.bindings == [.integer(10), .text("arrestReview"), .integer(7), .integer(5)])
    }

    @Test func listsBindOneParameterPerElementAndNullWhenEmpty() {
        let query: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: [1, 2, 3]))"
        #expect(query.sql(for: .postgres) == "SELECT * FROM t WHERE id IN ($1, $2, $3)")
        let empty: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: [Int]()))"
        #expect(empty.sql(for: .sqlite) == "SELECT * FROM t WHERE id IN (?)")
        #expect(empty.bindings == [.null])
    }

    @Test func unsafeRawTextBecomesSQL() {
        let table = "jianwu_migrations"
        let query: SQLQuery = "SELECT name FROM \(unsafeRaw: table) WHERE name = \(table)"
        #expect(query.sql(for: .sqlite) == "SELECT name FROM jianwu_migrations WHERE name = ?")
        #expect(SQLQuery(unsafeSQL: "DROP TABLE x").sql(for: .postgres) == "DROP TABLE x")
    }

    @Test func descriptionNeverShowsBoundValues() {
        let secret = "32010219900101123X"
        let query: SQLQuery = "SELECT * FROM people WHERE citizen_id = \(secret)"
        #expect(!String(describing: query).contains(secret))
    }

    @Test func optionalsBindNullWhenAbsent() {
        let missing: String? = nil
        let query: SQLQuery = "UPDATE t SET note = \(missing), flag = \(true)"
        #expect(query.bindings == [.null, .integer(1)])
    }
}
