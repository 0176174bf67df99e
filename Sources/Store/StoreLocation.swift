import Foundation

/// Where the store lives, parsed from the `--db` option (or its absence).
///
/// | `--db` value | store |
/// |---|---|
/// | absent or empty | SQLite at `<data-dir>/jianwu.db` (the default) |
/// | `sqlite:<path>` or any other path | SQLite at that path |
/// | `postgres://…` or `postgresql://…` | PostgreSQL; the URL goes to libpq unchanged, so `sslmode`, `sslrootcert`, `connect_timeout`, … apply |
public struct StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// The engine and its address.
    public enum Engine: Sendable, Hashable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    /// The file name of the default SQLite database inside the data directory.
    public static let defaultSQLiteFileName = "jianwu.db"

    public let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    /// Parses a `--db` value.
    /// - Parameters:
    ///   - text: the option's value, `nil` when it was not given.
    ///   - dataDirectory: the data directory, which holds the default SQLite file.
    public init(parsing text: String?, dataDirectory: String) throws(StoreError) {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            let directory = dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
            engine = .sqlite(path: "\(directory)/\(Self.defaultSQLiteFileName)")
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            engine = .postgres(url: trimmed)
        } else if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw StoreError(.misuse, message: "\"sqlite:\" needs a file path after the colon") }
            engine = .sqlite(path: path)
        } else if trimmed.contains("://") {
            throw StoreError(.misuse, message: "unknown database URL scheme; use sqlite:<path> or postgres://…")
        } else {
            engine = .sqlite(path: trimmed)
        }
    }

    /// The location with any password replaced by `***`, safe to log.
    public var description: String {
        switch engine {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url): return Self.redactingPassword(in: url)
        }
    }

    private static func redactingPassword(in url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else {
            return url.replacing(/password=[^&]*/, with: "password=***")
        }
        let userInfo = url[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url.replacing(/password=[^&]*/, with: "password=***") }
        let redacted = url[..<colon] + ":***" + url[at...]
        return String(redacted).replacing(/password=[^&]*/, with: "password=***")
    }
}
