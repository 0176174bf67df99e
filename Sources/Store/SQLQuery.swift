/// A SQL statement whose values are always bound parameters.
///
/// Write queries with string interpolation; every interpolated value becomes a parameter, never SQL text:
/// ```swift
/// let rows = try await store.query("SELECT id, title FROM cases WHERE number = \(caseNumber) AND stage = \(stage)")
/// ```
/// On SQLite this runs `… WHERE number = ? AND stage = ?`, on PostgreSQL `… WHERE number = $1 AND stage = $2`.
/// Another ``SQLQuery`` can be interpolated as a fragment (its parameters follow it). Text that must become SQL
/// (a table name chosen by code, a script) goes through the `unsafe`-named doors: ``init(unsafeSQL:)`` and
/// `\(unsafeRaw: name)`.
public struct SQLQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// SQL text between parameters: always one more piece than there are bindings.
    private var pieces: [String]
    /// The values bound to the parameters, in order.
    public private(set) var bindings: [SQLValue]

    /// Uses `sql` verbatim. Never build `sql` from user input: this is the raw-SQL escape hatch.
    public init(unsafeSQL sql: String) {
        pieces = [sql]
        bindings = []
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
        bindings = stringInterpolation.bindings
    }

    /// The SQL text with the placeholders `dialect` expects.
    public func sql(for dialect: SQLDialect) -> String {
        if bindings.isEmpty { return pieces[0] }
        var text = pieces[0]
        for index in bindings.indices {
            text += dialect.placeholder(at: index)
            text += pieces[index + 1]
        }
        return text
    }

    /// The SQL in SQLite form; bound values are never shown.
    public var description: String { sql(for: .sqlite) }

    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var pieces: [String] = [""]
        fileprivate var bindings: [SQLValue] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            pieces.reserveCapacity(interpolationCount + 1)
            bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            pieces[pieces.count - 1] += literal
        }

        /// Binds `value` as a parameter.
        public mutating func appendInterpolation(_ value: some SQLValueConvertible) {
            bindings.append(value.sqlValue)
            pieces.append("")
        }

        /// Binds `value`, or NULL when it is `nil`.
        public mutating func appendInterpolation<Value: SQLValueConvertible>(_ value: Value?) {
            bindings.append(value?.sqlValue ?? .null)
            pieces.append("")
        }

        /// Binds each element, separated by commas: `WHERE id IN (\(list: ids))`. An empty list binds one NULL,
        /// so `IN (NULL)` matches nothing instead of being a syntax error.
        public mutating func appendInterpolation(list values: [some SQLValueConvertible]) {
            if values.isEmpty {
                appendInterpolation(SQLValue.null)
                return
            }
            for (index, value) in values.enumerated() {
                if index > 0 { appendLiteral(", ") }
                appendInterpolation(value)
            }
        }

        /// Embeds another query: its SQL text and, in order, its parameters.
        public mutating func appendInterpolation(_ fragment: SQLQuery) {
            appendLiteral(fragment.pieces[0])
            for (index, binding) in fragment.bindings.enumerated() {
                bindings.append(binding)
                pieces.append(fragment.pieces[index + 1])
            }
        }

        /// Inserts `text` as SQL. Only for identifiers and keywords chosen by code, never for user input.
        public mutating func appendInterpolation(unsafeRaw text: String) {
            appendLiteral(text)
        }
    }
}
