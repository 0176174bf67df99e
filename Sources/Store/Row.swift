/// One result row: column names and values, decoded by name or position into Swift types.
///
/// ```swift
/// let row = try await store.queryOne("SELECT id, title FROM cases WHERE id = \(id)")
/// let title = try row.decode(column: "title", as: String.self)
/// ```
public struct Row: Sendable {
    /// The columns of a result, shared by all its rows.
    public final class Columns: Sendable {
        public let names: [String]
        private let indexByName: [String: Int]

        public init(names: [String]) {
            self.names = names
            var index: [String: Int] = [:]
            // The first column of a name wins, as in SQL; lowercase entries make lookups tolerate
            // PostgreSQL's folding of unquoted identifiers.
            for (position, name) in names.enumerated().reversed() {
                index[name.lowercased()] = position
            }
            for (position, name) in names.enumerated().reversed() {
                index[name] = position
            }
            indexByName = index
        }

        func index(of name: String) -> Int? {
            indexByName[name] ?? indexByName[name.lowercased()]
        }
    }

    public let columns: Columns
    public let values: [SQLValue]

    public init(columns: Columns, values: [SQLValue]) {
        precondition(columns.names.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    /// The raw value of `column`, or `nil` when the result has no such column.
    public subscript(column: String) -> SQLValue? {
        columns.index(of: column).map { values[$0] }
    }

    /// Decodes `column` as `T`. Throws ``StoreError/Reason/typeMismatch`` when the column is missing or its
    /// value cannot be a `T` (a NULL for a non-optional type, text for an integer, …).
    public func decode<T: SQLValueConvertible>(column: String, as type: T.Type = T.self) throws(StoreError) -> T {
        guard let index = columns.index(of: column) else {
            throw StoreError(.typeMismatch, message: "the result has no column \"\(column)\"")
        }
        return try decode(at: index, as: type)
    }

    /// Decodes the value at `index` (0-based) as `T`.
    public func decode<T: SQLValueConvertible>(at index: Int, as type: T.Type = T.self) throws(StoreError) -> T {
        guard values.indices.contains(index) else {
            throw StoreError(.typeMismatch, message: "the result has no column at position \(index)")
        }
        let value = values[index]
        guard let decoded = T.fromSQLValue(value) else {
            throw StoreError(
                .typeMismatch, message: "column \"\(columns.names[index])\" holds \(value.kindName), which cannot be read as \(T.self)")
        }
        return decoded
    }
}
