/// A person's part in a case.
public enum PersonRole: String, CaseIterable, Sendable, Codable {
    case suspect, victim

    public var chineseName: String { self == .suspect ? "犯罪嫌疑人" : "被害人" }
}

/// 强制措施, least to most severe.
public enum CoerciveMeasureKind: String, CaseIterable, Sendable, Codable {
    case summons, bail, residentialSurveillance, criminalDetention, arrest

    public var chineseName: String {
        switch self {
        case .summons: "拘传"
        case .bail: "取保候审"
        case .residentialSurveillance: "监视居住"
        case .criminalDetention: "刑事拘留"
        case .arrest: "逮捕"
        }
    }

    /// Held in a detention centre: the measure needs a place, and the case counts as a custody case.
    public var isCustodial: Bool { self == .criminalDetention || self == .arrest }
}
