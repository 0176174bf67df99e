/// A role a user holds in one organisation. A user may hold several, in several organisations.
public struct Membership: Sendable, Hashable, Codable {
    public var id: String
    public var userID: String
    public var organisationID: String
    public var organisationName: String
    /// The organisation's tree path.
    public var organisationPath: String
    /// The subtree the role reaches: the organisation's, except that a department's staff work for the whole
    /// procuratorate the department belongs to (its parent).
    public var scopePath: String
    public var role: Role

    public init(
        id: String, userID: String, organisationID: String, organisationName: String, organisationPath: String, role: Role,
        organisationKind: OrganisationKind = .procuratorate
    ) {
        self.id = id
        self.userID = userID
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.organisationPath = organisationPath
        self.role = role
        scopePath = organisationKind == .department ? Self.parentPath(of: organisationPath) : organisationPath
    }

    /// `/a/b/c/` → `/a/b/`.
    static func parentPath(of path: String) -> String {
        var components = path.split(separator: "/")
        guard !components.isEmpty else { return path }
        components.removeLast()
        return "/" + components.map { $0 + "/" }.joined()
    }
}
