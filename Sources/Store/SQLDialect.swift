/// The SQL dialect of a store: decides how bound parameters are written in the SQL text.
public struct SQLDialect: Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable { case sqlite, postgres }
    private let code: Code

    /// SQLite: parameters are `?`.
    public static let sqlite = SQLDialect(code: .sqlite)
    /// PostgreSQL: parameters are `$1`, `$2`, …
    public static let postgres = SQLDialect(code: .postgres)

    public var description: String {
        switch code {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// The placeholder for the parameter at `index` (0-based).
    func placeholder(at index: Int) -> String {
        switch code {
        case .sqlite: "?"
        case .postgres: "$\(index + 1)"
        }
    }
}
