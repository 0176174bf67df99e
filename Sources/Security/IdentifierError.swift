/// Why a Chinese identifier (公民身份号码, 统一社会信用代码) was refused, with a message the UI can show as is.
public struct IdentifierError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: String, Sendable {
        case wrongLength, legacyFifteenDigit, invalidCharacter, invalidRegion, invalidBirthDate, birthDateInFuture
        case checkCharacterMismatch, invalidRegistrationAuthority, invalidInstitutionType
    }

    private let code: Code
    /// Simplified Chinese text for the person who typed the identifier.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Stable reason code, e.g. `"checkCharacterMismatch"`.
    public var reason: String { code.rawValue }
    /// Reason only: the identifier itself is personal data and is never part of the description.
    public var description: String { "IdentifierError(\(code.rawValue))" }

    public static func == (lhs: IdentifierError, rhs: IdentifierError) -> Bool { lhs.code == rhs.code && lhs.message == rhs.message }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public static let citizenIDWrongLength = IdentifierError(.wrongLength, "身份证号应为18位")
    public static let citizenIDLegacyFifteenDigit = IdentifierError(.legacyFifteenDigit, "不支持15位旧身份证号，请输入18位身份证号")
    public static let citizenIDInvalidCharacter = IdentifierError(.invalidCharacter, "身份证号只能包含数字，最后一位可以是X")
    public static let citizenIDInvalidRegion = IdentifierError(.invalidRegion, "身份证号的地址码不正确")
    public static let citizenIDInvalidBirthDate = IdentifierError(.invalidBirthDate, "身份证号中的出生日期不正确")
    public static let citizenIDBirthDateInFuture = IdentifierError(.birthDateInFuture, "身份证号中的出生日期晚于今天")
    public static let citizenIDCheckCharacterMismatch = IdentifierError(.checkCharacterMismatch, "身份证号校验位不正确")

    public static let creditCodeWrongLength = IdentifierError(.wrongLength, "统一社会信用代码应为18位")
    public static let creditCodeInvalidCharacter = IdentifierError(
        .invalidCharacter, "统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）")
    public static let creditCodeInvalidRegistrationAuthority = IdentifierError(
        .invalidRegistrationAuthority, "统一社会信用代码的登记管理部门代码不正确")
    public static let creditCodeInvalidInstitutionType = IdentifierError(.invalidInstitutionType, "统一社会信用代码的机构类别代码不正确")
    public static let creditCodeInvalidRegion = IdentifierError(.invalidRegion, "统一社会信用代码的行政区划码不正确")
    public static let creditCodeCheckCharacterMismatch = IdentifierError(.checkCharacterMismatch, "统一社会信用代码校验位不正确")
}
