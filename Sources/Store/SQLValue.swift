/// One value as the database stores it: the five storage classes both engines share.
///
/// Drivers translate these to their own wire types; a PostgreSQL `boolean` arrives as `.integer(0/1)`,
/// `numeric` as `.text`, `bytea` as `.blob`.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The storage class name, for error messages that must not show the value itself.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}
