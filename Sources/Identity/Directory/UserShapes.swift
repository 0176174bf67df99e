public import Foundation

/// A membership to grant: a role in an organisation.
public struct MembershipInput: Sendable, Codable, Hashable {
    public var organisationId: String
    public var role: Role

    public init(organisationId: String, role: Role) {
        self.organisationId = organisationId
        self.role = role
    }
}

public struct NewUser: Sendable, Codable {
    public var username: String
    public var displayName: String
    public var password: String
    public var citizenId: String?
    public var phone: String?
    public var memberships: [MembershipInput]

    public init(username: String, displayName: String, password: String, citizenId: String? = nil, phone: String? = nil, memberships: [MembershipInput]) {
        self.username = username
        self.displayName = displayName
        self.password = password
        self.citizenId = citizenId
        self.phone = phone
        self.memberships = memberships
    }
}

public struct UserChanges: Sendable, Codable {
    public var displayName: String?
    public var phone: String?
    public var status: UserStatus?

    public init(displayName: String? = nil, phone: String? = nil, status: UserStatus? = nil) {
        self.displayName = displayName
        self.phone = phone
        self.status = status
    }
}

/// A membership as the API shows it.
public struct MembershipView: Sendable, Codable, Hashable {
    public var id: String
    public var organisationId: String
    public var organisationName: String
    public var role: Role
    public var roleName: String

    init(_ m: Membership) {
        id = m.id
        organisationId = m.organisationID
        organisationName = m.organisationName
        role = m.role
        roleName = m.role.chineseName
    }
}

/// A user as lists and detail pages show them: personal data masked.
public struct UserView: Sendable, Codable {
    public var id: String
    public var username: String
    public var displayName: String
    public var citizenIdMasked: String?
    public var phoneMasked: String?
    public var status: UserStatus
    public var memberships: [MembershipView]
    public var totpEnabled: Bool
    public var createdAt: Date
}

public struct UserFilter: Sendable {
    public var text: String?
    public var organisationID: String?
    public var role: Role?
    public var status: UserStatus?
    public var page = 1
    public var pageSize = 20

    public init(text: String? = nil, organisationID: String? = nil, role: Role? = nil, status: UserStatus? = nil, page: Int = 1, pageSize: Int = 20) {
        self.text = text
        self.organisationID = organisationID
        self.role = role
        self.status = status
        self.page = page
        self.pageSize = pageSize
    }
}

/// One page of a list and the total it was cut from.
public struct Page<Item: Sendable & Codable>: Sendable, Codable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var pageSize: Int
}
