/// A role a user holds in one organisation. A user may hold several, in several organisations.
public struct Membership: Sendable, Hashable, Codable {
    public var id: String
    public var userID: String
    public var organisationID: String
    public var organisationName: String
    /// The organisation's tree path, for scope checks.
    public var organisationPath: String
    public var role: Role

    public init(id: String, userID: String, organisationID: String, organisationName: String, organisationPath: String, role: Role) {
        self.id = id
        self.userID = userID
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.organisationPath = organisationPath
        self.role = role
    }
}
