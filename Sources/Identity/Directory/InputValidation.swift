import Foundation
import HTTPRouter
import HTTPServer
import Security

/// Checks of what people type into account forms, each failing with a message for the field at fault.
enum InputValidation {
    static func username(_ text: String) throws(HTTPError) -> String {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        let allowed = value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2e || $0 == 0x5f || $0 == 0x2d }
        guard (3...32).contains(value.count), allowed else {
            throw invalid("用户名须为 3–32 位小写字母、数字、点、下划线或连字符。", field: "username")
        }
        return value
    }

    static func displayName(_ text: String) throws(HTTPError) -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...40).contains(value.count) else { throw invalid("姓名不能为空，且不超过 40 个字。", field: "displayName") }
        return value
    }

    /// 等保 practice: at least 8 characters from at least three of upper case, lower case, digits and symbols.
    static func password(_ password: String, username: String, field: String) throws(HTTPError) {
        var classes = 0
        if password.contains(where: \.isUppercase) { classes += 1 }
        if password.contains(where: \.isLowercase) { classes += 1 }
        if password.contains(where: \.isNumber) { classes += 1 }
        if password.contains(where: { !$0.isLetter && !$0.isNumber }) { classes += 1 }
        guard password.count >= 8, password.utf8.count <= PasswordHasher.maximumPasswordByteCount, classes >= 3 else {
            throw HTTPError(.badRequest, detail: "密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类。", code: "weak-password", field: field)
        }
        if !username.isEmpty && password.lowercased().contains(username.lowercased()) {
            throw HTTPError(.badRequest, detail: "密码不能包含用户名。", code: "weak-password", field: field)
        }
    }

    static func citizenID(_ text: String?, now: Date) throws(HTTPError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try CitizenID(text.trimmingCharacters(in: .whitespaces), now: now).value
        } catch {
            throw invalid(error.message + "。", field: "citizenId")
        }
    }

    /// Mainland mobile numbers (11 digits starting 1[3-9]) or landlines (area code, dash, 7–8 digits).
    static func phone(_ text: String?) throws(HTTPError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let value = text.trimmingCharacters(in: .whitespaces)
        let mobile = value.range(of: #"^1[3-9][0-9]{9}$"#, options: .regularExpression) != nil
        let landline = value.range(of: #"^0[0-9]{2,3}-[0-9]{7,8}$"#, options: .regularExpression) != nil
        guard mobile || landline else { throw invalid("电话号码格式不正确（手机 11 位，座机如 025-83451234）。", field: "phone") }
        return value
    }

    static func creditCode(_ text: String?) throws(HTTPError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try CreditCode(text.trimmingCharacters(in: .whitespaces).uppercased()).value
        } catch {
            throw invalid(error.message + "。", field: "creditCode")
        }
    }

    static func invalid(_ detail: String, field: String) -> HTTPError {
        HTTPError(.badRequest, detail: detail, code: "invalid-field", field: field)
    }
}

/// How personal data appears in lists: enough to tell people apart, not enough to use.
enum PersonalDataMask {
    static func citizenID(_ value: String?) -> String? {
        value.map { String($0.prefix(4)) + String(repeating: "*", count: max(0, $0.count - 8)) + String($0.suffix(4)) }
    }

    static func phone(_ value: String?) -> String? {
        guard let value else { return nil }
        guard value.count >= 7 else { return String(repeating: "*", count: value.count) }
        return String(value.prefix(3)) + String(repeating: "*", count: value.count - 7) + String(value.suffix(4))
    }
}
