public import Foundation

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
    public static func fromSQLValue(_ value: SQLValue) -> Data? {
        if case .blob(let bytes) = value { return Data(bytes) }
        return nil
    }
}

extension UUID: SQLValueConvertible {
    /// Stored as the canonical lowercase text, which PostgreSQL's `uuid` type also accepts and returns.
    public var sqlValue: SQLValue { .text(uuidString.lowercased()) }
    public static func fromSQLValue(_ value: SQLValue) -> UUID? {
        if case .text(let text) = value { return UUID(uuidString: text) }
        return nil
    }
}

extension Date: SQLValueConvertible {
    /// Stored as ISO 8601 UTC text with milliseconds (`2026-01-02T03:04:05.678Z`): it sorts as text in SQLite
    /// and PostgreSQL's `timestamptz` accepts it.
    public var sqlValue: SQLValue { .text(formatted(Self.storageStyle)) }

    /// Reads ISO 8601 text (with `T` or PostgreSQL's space separator, with or without fractional seconds,
    /// `Z`, `+08`, `+08:00`) or a number of seconds since 1970.
    public static func fromSQLValue(_ value: SQLValue) -> Date? {
        switch value {
        case .integer(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .real(let seconds): return Date(timeIntervalSince1970: seconds)
        case .text(let text): return parse(text)
        default: return nil
        }
    }

    private static let storageStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let wholeSecondStyle = Date.ISO8601FormatStyle(timeZone: .gmt)

    private static func parse(_ text: String) -> Date? {
        var normalised = text
        if let space = normalised.firstIndex(of: " ") { normalised.replaceSubrange(space...space, with: "T") }
        // PostgreSQL prints offsets as `+08`; ISO 8601 wants `+08:00`.
        if let sign = normalised.lastIndex(where: { $0 == "+" || $0 == "-" }), normalised.distance(from: sign, to: normalised.endIndex) == 3,
            normalised.contains("T")
        {
            normalised += ":00"
        }
        return (try? storageStyle.parse(normalised)) ?? (try? wholeSecondStyle.parse(normalised))
    }
}
