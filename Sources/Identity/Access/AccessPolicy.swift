/// The one place that decides whether an actor may do something to a resource. Deny by default: every case below
/// that does not end in `true` is a refusal.
///
/// Rule of scope: a role held in organisation X reaches X and everything below it (a municipal procuratorate's leaders
/// see its districts' cases, never another city's); a department's staff reach their whole procuratorate's subtree. Leaders see every case in scope; other procuratorate
/// staff see the cases whose team they are on. A lawyer sees only cases their approved binding names, and never
/// juvenile or secret cases.
public enum AccessPolicy {
    public static func can(_ actor: Actor, _ action: Permission, _ resource: Resource) -> Bool {
        let memberships = actor.memberships(granting: action)
        guard !memberships.isEmpty else {
            // Everyone may read their own account, whatever their roles.
            if action == .userRead, case .user(let id, _) = resource { return id == actor.userID }
            return false
        }
        switch resource {
        case .organisationTree:
            return action == .organisationRead
        case .organisation(let path):
            // Organisation names are not secret: reading is by permission; managing is within scope.
            return action == .organisationRead || memberships.contains { path.hasPrefix($0.scopePath) }
        case .user(let id, let paths):
            if action == .userRead && id == actor.userID { return true }
            return memberships.contains { membership in paths.contains { $0.hasPrefix(membership.scopePath) } }
        case .auditLog:
            return action == .auditRead
        case .detentionCentre(let path):
            return memberships.contains { path.hasPrefix($0.scopePath) }
        case .case(let facts):
            return memberships.contains { canReach(facts, through: $0, actorID: actor.userID) }
        }
    }

    private static func canReach(_ facts: CaseAccessFacts, through membership: Membership, actorID: String) -> Bool {
        switch membership.role {
        case .lawyer:
            return !facts.isJuvenile && !facts.isSecret && facts.approvedLawyerIDs.contains(actorID)
        case let role where role.seesWholeScope:
            return facts.organisationPath.hasPrefix(membership.scopePath)
        default:
            return facts.organisationPath.hasPrefix(membership.scopePath) && facts.teamUserIDs.contains(actorID)
        }
    }
}
