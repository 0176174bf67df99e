import CSQLite
import Store

/// Maps SQLite result codes to ``StoreError`` reasons (extended codes are on for every connection).
enum SQLiteErrors {
    static func error(code: Int32, db: OpaquePointer?, sql: String?) -> StoreError {
        let engineMessage = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        let codeName = "SQLITE \(code)"
        let reason = reason(for: code)
        // SQLite never quotes bound parameters in its messages ("UNIQUE constraint failed: users.login"),
        // so the engine message is safe to show.
        return StoreError(reason, message: engineMessage, engineCode: codeName, sql: sql, unsafeEngineMessage: engineMessage)
    }

    // Extended result codes are function-like macros in sqlite3.h, which Swift does not import.
    private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    private static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    private static let constraintNotNull = SQLITE_CONSTRAINT | (5 << 8)

    static func reason(for code: Int32) -> StoreError.Reason {
        switch code {
        case constraintUnique, constraintPrimaryKey: return .uniqueViolation
        case constraintForeignKey: return .foreignKeyViolation
        case constraintNotNull: return .notNullViolation
        default: break
        }
        switch code & 0xff {
        case SQLITE_CONSTRAINT: return .constraintViolation
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy
        case SQLITE_INTERRUPT: return .cancelled
        case SQLITE_ERROR, SQLITE_RANGE: return .invalidQuery
        case SQLITE_MISMATCH, SQLITE_TOOBIG: return .invalidValue
        case SQLITE_READONLY, SQLITE_MISUSE: return .misuse
        case SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_PERM: return .io
        default: return .other
        }
    }
}
