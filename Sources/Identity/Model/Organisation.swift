public import Foundation

public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    case procuratorate, department, detentionCentre, court, lawFirm

    public var chineseName: String {
        switch self {
        case .procuratorate: "检察院"
        case .department: "内设部门"
        case .detentionCentre: "看守所"
        case .court: "法院"
        case .lawFirm: "律师事务所"
        }
    }
}

/// The four levels of the procuratorate hierarchy.
public enum ProcuratorateLevel: String, CaseIterable, Sendable, Codable {
    case supreme, provincial, municipal, basic

    public var chineseName: String {
        switch self {
        case .supreme: "最高人民检察院"
        case .provincial: "省级院"
        case .municipal: "市级院"
        case .basic: "基层院"
        }
    }

    /// The level a child procuratorate of this one has, or nil below the basic level.
    var childLevel: ProcuratorateLevel? {
        switch self {
        case .supreme: .provincial
        case .provincial: .municipal
        case .municipal: .basic
        case .basic: nil
        }
    }
}

/// One node of the organisation tree. `path` lists the ids from the root down to this node (`/a/b/c/`), so
/// "everything under X" is a prefix match in SQL and in memory.
public struct Organisation: Sendable, Hashable, Codable {
    public var id: String
    public var parentID: String?
    public var kind: OrganisationKind
    public var level: ProcuratorateLevel?
    public var name: String
    /// The short form used in case numbers (宁鼓 for 南京市鼓楼区人民检察院).
    public var abbreviation: String?
    public var creditCode: String?
    public var path: String
    /// Roles whose members must pass a TOTP step to sign in.
    public var totpRoles: Set<Role>

    public init(
        id: String, parentID: String?, kind: OrganisationKind, level: ProcuratorateLevel?, name: String, abbreviation: String?,
        creditCode: String?, path: String, totpRoles: Set<Role> = []
    ) {
        self.id = id
        self.parentID = parentID
        self.kind = kind
        self.level = level
        self.name = name
        self.abbreviation = abbreviation
        self.creditCode = creditCode
        self.path = path
        self.totpRoles = totpRoles
    }

    /// Whether `other` is this organisation or lies below it.
    public func contains(_ other: Organisation) -> Bool { other.path.hasPrefix(path) }
    public func contains(path other: String) -> Bool { other.hasPrefix(path) }
}
