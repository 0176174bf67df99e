/// A Swift type that can be bound as a query parameter and read back from a column.
///
/// Conformances decide how a value is stored on both engines, so a schema written in portable SQL
/// (`INTEGER`, `BIGINT`, `TEXT`, `REAL`/`DOUBLE PRECISION`, `BOOLEAN`, `BLOB`/`BYTEA`) round-trips.
public protocol SQLValueConvertible: Sendable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
    /// Reads a value back; `nil` when the stored value cannot represent `Self`.
    static func fromSQLValue(_ value: SQLValue) -> Self?
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public static func fromSQLValue(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let integer): integer
        // PostgreSQL `numeric` and untyped parameters come back as text.
        case .text(let text): Int64(text)
        case .real(let real): Int64(exactly: real)
        default: nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQLValue(_ value: SQLValue) -> Int? { Int64.fromSQLValue(value).flatMap { Int(exactly: $0) } }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQLValue(_ value: SQLValue) -> Int32? { Int64.fromSQLValue(value).flatMap { Int32(exactly: $0) } }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
    public static func fromSQLValue(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let real): real
        case .integer(let integer): Double(integer)
        case .text(let text): Double(text)
        default: nil
        }
    }
}

extension Bool: SQLValueConvertible {
    /// Stored as 0/1: SQLite has no boolean class, and PostgreSQL accepts `'1'`/`'0'` for `boolean` columns.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public static func fromSQLValue(_ value: SQLValue) -> Bool? {
        switch value {
        case .integer(0): false
        case .integer(1): true
        default: nil
        }
    }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public static func fromSQLValue(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension [UInt8]: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob(self) }
    public static func fromSQLValue(_ value: SQLValue) -> [UInt8]? {
        if case .blob(let bytes) = value { return bytes }
        return nil
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    /// `.null` reads as `.some(nil)`; a non-null value that `Wrapped` cannot read is a mismatch (`nil`).
    public static func fromSQLValue(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.fromSQLValue(value).map { .some($0) }
    }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
    public static func fromSQLValue(_ value: SQLValue) -> SQLValue? { value }
}
