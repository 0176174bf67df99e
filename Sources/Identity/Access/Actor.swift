/// A signed-in user as authorisation sees them: who they are and every role they hold where.
public struct Actor: Sendable, Hashable {
    public var userID: String
    public var username: String
    public var displayName: String
    public var memberships: [Membership]

    public init(userID: String, username: String, displayName: String, memberships: [Membership]) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.memberships = memberships
    }

    /// Everything any of the actor's roles allows somewhere.
    public var permissions: Set<Permission> { memberships.reduce(into: []) { $0.formUnion($1.role.permissions) } }

    /// The memberships whose role grants `permission`.
    func memberships(granting permission: Permission) -> [Membership] {
        memberships.filter { $0.role.permissions.contains(permission) }
    }
}
