import CLibPQ
import Foundation
import Store

/// Maps libpq failures to ``StoreError``, keeping bound values out of the printed message.
enum PostgresErrors {
    /// SQLSTATE classes whose primary messages never quote a value: integrity (they name the constraint),
    /// syntax and undefined objects (they quote SQL, which holds only placeholders), transactions, resources,
    /// connections. Other classes (notably 22, data exceptions: `invalid input syntax for type integer: "abc"`)
    /// get a generic message.
    private static let classesWithSafeMessages: Set<String> = ["23", "42", "40", "57", "08", "53", "55", "25", "0A", "3D", "3F", "28"]

    static func error(result: OpaquePointer?, connection: OpaquePointer?, sql: String?, cancelRequested: Bool) -> StoreError {
        guard let result, let state = field(result, "C") else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "no connection"
            let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
            let lost = connection.map { PQstatus($0) == CONNECTION_BAD } ?? true
            return StoreError(lost ? .connectionLost : .other, message: trimmed.isEmpty ? "connection lost" : trimmed, sql: sql)
        }
        let primary = field(result, "M") ?? ""
        let reason = reason(for: state, cancelRequested: cancelRequested)
        let stateClass = String(state.prefix(2))
        var message: String
        if classesWithSafeMessages.contains(stateClass) {
            message = primary
        } else {
            message = "the server rejected a value (SQLSTATE \(state))"
            if let column = field(result, "c") { message += " for column \"\(column)\"" }
        }
        if reason == .timeout { message = "statement timeout: \(primary)" }
        return StoreError(reason, message: message, engineCode: "SQLSTATE \(state)", sql: sql, unsafeEngineMessage: primary)
    }

    static func reason(for state: String, cancelRequested: Bool) -> StoreError.Reason {
        switch state {
        case "23505": return .uniqueViolation
        case "23503": return .foreignKeyViolation
        case "23502": return .notNullViolation
        case "40001", "40P01": return .serializationFailure
        case "57014": return cancelRequested ? .cancelled : .timeout
        case "55P03": return .busy
        case "57P01", "57P02", "57P03": return .connectionLost
        default: break
        }
        switch state.prefix(2) {
        case "23": return .constraintViolation
        case "08": return .connectionLost
        case "42", "0A", "26", "34": return .invalidQuery
        case "22": return .invalidValue
        case "25": return .misuse
        case "28", "3D": return .connectionFailed
        case "53", "58", "XX": return .io
        default: return .other
        }
    }

    private static func field(_ result: OpaquePointer, _ code: Character) -> String? {
        guard let ascii = code.asciiValue, let pointer = PQresultErrorField(result, Int32(ascii)) else { return nil }
        return String(cString: pointer)
    }
}
