/// A new organisation as an administrator describes it.
public struct NewOrganisation: Sendable, Codable {
    public var parentId: String?
    public var kind: OrganisationKind
    public var level: ProcuratorateLevel?
    public var name: String
    public var abbreviation: String?
    public var creditCode: String?

    public init(parentId: String?, kind: OrganisationKind, level: ProcuratorateLevel? = nil, name: String, abbreviation: String? = nil, creditCode: String? = nil) {
        self.parentId = parentId
        self.kind = kind
        self.level = level
        self.name = name
        self.abbreviation = abbreviation
        self.creditCode = creditCode
    }
}

/// Changes to an organisation; absent fields stay as they are.
public struct OrganisationChanges: Sendable, Codable {
    public var name: String?
    public var abbreviation: String?
    public var creditCode: String?
    public var totpRoles: [Role]?

    public init(name: String? = nil, abbreviation: String? = nil, creditCode: String? = nil, totpRoles: [Role]? = nil) {
        self.name = name
        self.abbreviation = abbreviation
        self.creditCode = creditCode
        self.totpRoles = totpRoles
    }
}
