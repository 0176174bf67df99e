/// An error from a store, with a reason code that callers match on.
///
/// ```swift
/// do { try await store.execute("INSERT INTO users (login) VALUES (\(login))") }
/// catch let error as StoreError where error.reason == .uniqueViolation { throw HTTPError(.conflict) }
/// ```
/// Neither ``description`` nor ``debugDescription`` ever contains a bound value: the error does not keep them.
/// Engine messages that can quote a value (PostgreSQL's "invalid input syntax for type integer: "abc"") are
/// kept only in ``unsafeEngineMessage``, which is not printed.
public struct StoreError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Why an operation failed. A struct, so reasons can be added without breaking `switch`es.
    public struct Reason: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A UNIQUE or PRIMARY KEY constraint rejected the write.
        public static let uniqueViolation = Reason("uniqueViolation")
        /// A FOREIGN KEY constraint rejected the write.
        public static let foreignKeyViolation = Reason("foreignKeyViolation")
        /// A NOT NULL constraint rejected the write.
        public static let notNullViolation = Reason("notNullViolation")
        /// A CHECK constraint or another integrity rule rejected the write.
        public static let constraintViolation = Reason("constraintViolation")
        /// A query that must return a row returned none.
        public static let notFound = Reason("notFound")
        /// The database stayed locked by another process past the busy timeout.
        public static let busy = Reason("busy")
        /// The statement ran past its timeout.
        public static let timeout = Reason("timeout")
        /// The connection to the server broke; whether the last statement ran is unknown.
        public static let connectionLost = Reason("connectionLost")
        /// The server could not be reached or refused the connection.
        public static let connectionFailed = Reason("connectionFailed")
        /// The task was cancelled and the statement was interrupted.
        public static let cancelled = Reason("cancelled")
        /// A serialisable transaction conflicted with another one and was rolled back; retrying it may succeed.
        public static let serializationFailure = Reason("serializationFailure")
        /// The SQL was rejected (syntax, unknown table or column, wrong parameter count).
        public static let invalidQuery = Reason("invalidQuery")
        /// A value was out of range or of the wrong type for its column.
        public static let invalidValue = Reason("invalidValue")
        /// A column could not be decoded as the requested Swift type.
        public static let typeMismatch = Reason("typeMismatch")
        /// Migrations cannot run: a shipped migration changed, or the database is newer than the code.
        public static let migrationConflict = Reason("migrationConflict")
        /// The store was used in a way it does not allow (a finished transaction, a closed store).
        public static let misuse = Reason("misuse")
        /// Disk or file-system failure, or a corrupt database file.
        public static let io = Reason("io")
        /// Anything else the engine reported.
        public static let other = Reason("other")
    }

    /// The reason to match on.
    public let reason: Reason
    /// What happened, in words that never contain a bound value.
    public let message: String
    /// The engine's own code (`SQLITE_CONSTRAINT_UNIQUE (2067)`, `SQLSTATE 23505`), when there is one.
    public let engineCode: String?
    /// The SQL text with placeholders, never with values.
    public let sql: String?
    /// The engine's full message, which may quote a bound value. Never logged by the store; log it only
    /// where personal data in logs is acceptable.
    public let unsafeEngineMessage: String?

    public init(
        _ reason: Reason, message: String, engineCode: String? = nil, sql: String? = nil, unsafeEngineMessage: String? = nil
    ) {
        self.reason = reason
        self.message = message
        self.engineCode = engineCode
        self.sql = sql
        self.unsafeEngineMessage = unsafeEngineMessage
    }

    /// Whether a write broke any integrity constraint (unique, foreign key, not null, check).
    public var isConstraintViolation: Bool {
        [.uniqueViolation, .foreignKeyViolation, .notNullViolation, .constraintViolation].contains(reason)
    }

    public var description: String {
        let code = engineCode.map { " [\($0)]" } ?? ""
        return "StoreError.\(reason)\(code): \(message)"
    }

    public var debugDescription: String {
        description + (sql.map { " — SQL: \($0)" } ?? "")
    }

}

extension StoreError.Reason {
    /// Lets a reason match any error in patterns: `catch StoreError.Reason.uniqueViolation { … }`,
    /// `if case .notFound = error`.
    public static func ~= (reason: StoreError.Reason, error: any Error) -> Bool {
        (error as? StoreError)?.reason == reason
    }
}
