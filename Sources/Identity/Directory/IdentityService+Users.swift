import Foundation
import HTTPRouter
import HTTPServer
import Security
import Store

extension IdentityService {
    /// Users the actor may see (members of organisations in the actor's user.read scope), filtered and paged.
    public func users(matching filter: UserFilter, by actor: Actor) async throws -> Page<UserView> {
        let scopes = actor.memberships(granting: .userRead).map(\.organisationPath)
        guard !scopes.isEmpty else { throw AccessDenied.error }
        var membership: SQLQuery = "m.user_id = u.id AND ("
        for (index, scope) in scopes.enumerated() {
            membership = "\(membership)\(unsafeRaw: index == 0 ? "" : " OR ")substr(o.path, 1, \(scope.count)) = \(scope)"
        }
        membership = "\(membership))"
        if let organisationID = filter.organisationID { membership = "\(membership) AND o.id = \(organisationID)" }
        if let role = filter.role { membership = "\(membership) AND m.role = \(role.rawValue)" }
        var condition: SQLQuery = "EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE \(membership))"
        if let status = filter.status { condition = "\(condition) AND u.status = \(status.rawValue)" }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            condition = "\(condition) AND (lower(u.username) LIKE \(pattern) ESCAPE '\\' OR lower(u.display_name) LIKE \(pattern) ESCAPE '\\')"
        }
        let pageSize = min(max(filter.pageSize, 1), 100)
        let page = max(filter.page, 1)
        let total = try await store.queryValue("SELECT count(*) FROM users u WHERE \(condition)", as: Int.self)
        let rows = try await store.query(
            """
            SELECT u.id, u.username, u.display_name, u.citizen_id, u.phone, u.status, u.totp_secret, u.created_at FROM users u
            WHERE \(condition) ORDER BY u.username LIMIT \(pageSize) OFFSET \((page - 1) * pageSize)
            """)
        let memberships = try await self.memberships(of: try rows.map { try $0.decode(column: "id") }, in: store)
        let items = try rows.map { try Self.userView(from: $0, memberships: memberships) }
        return Page(items: items, total: total, page: page, pageSize: pageSize)
    }

    /// One user, if the actor may see them. Reading a personal record is audited.
    public func user(id: String, by actor: Actor, context: AuditContext) async throws -> UserView {
        try await store.withTransaction { tx in
            let view = try await self.authorisedUser(id: id, actor: actor, permission: .userRead, in: tx)
            try await AuditLog.append(context.event("user.read", "user", id), in: tx)
            return view
        }
    }

    public func createUser(_ input: NewUser, by actor: Actor?, context: AuditContext) async throws -> UserView {
        let username = try InputValidation.username(input.username)
        let displayName = try InputValidation.displayName(input.displayName)
        try InputValidation.password(input.password, username: username, field: "password")
        let citizenID = try InputValidation.citizenID(input.citizenId, now: clock.now())
        let phone = try InputValidation.phone(input.phone)
        guard !input.memberships.isEmpty else { throw InputValidation.invalid("至少为用户分配一个单位和角色。", field: "memberships") }
        let hash = try await passwords.hash(input.password)
        let id = Self.newID()
        return try await store.withTransaction { tx in
            for membership in Set(input.memberships) {
                try await self.insertMembership(membership, userID: id, actor: actor, in: tx, createUser: (username, displayName, hash, citizenID, phone))
            }
            try await AuditLog.append(
                context.event("user.create", "user", id, details: ["roles": input.memberships.map(\.role.rawValue).sorted().joined(separator: ",")]), in: tx)
            return try await self.authorisedUser(id: id, actor: nil, permission: .userRead, in: tx)
        }
    }

    public func updateUser(id: String, _ changes: UserChanges, by actor: Actor, context: AuditContext) async throws -> UserView {
        let displayName = try changes.displayName.map { name throws(HTTPError) in try InputValidation.displayName(name) }
        let phone = try changes.phone.map { text throws(HTTPError) in try InputValidation.phone(text) }
        return try await store.withTransaction { tx in
            _ = try await self.authorisedUser(id: id, actor: actor, permission: .userManage, in: tx)
            var fields: [String] = []
            if let displayName {
                try await tx.execute("UPDATE users SET display_name = \(displayName) WHERE id = \(id)")
                fields.append("displayName")
            }
            if let phone {
                try await tx.execute("UPDATE users SET phone = \(phone) WHERE id = \(id)")
                fields.append("phone")
            }
            if let status = changes.status {
                if status == .disabled && id == actor.userID { throw InputValidation.invalid("不能停用自己的账号。", field: "status") }
                try await tx.execute("UPDATE users SET status = \(status.rawValue) WHERE id = \(id)")
                if status == .disabled { try await self.sessions.deleteAll(userID: id, in: tx) }
                fields.append("status=\(status.rawValue)")
            }
            try await AuditLog.append(context.event("user.update", "user", id, details: ["fields": fields.joined(separator: ",")]), in: tx)
            return try await self.authorisedUser(id: id, actor: nil, permission: .userRead, in: tx)
        }
    }

    /// An administrator sets a new password; the user's sessions end.
    public func resetPassword(userID: String, newPassword: String, by actor: Actor, context: AuditContext) async throws {
        let username = try await store.queryFirst("SELECT username FROM users WHERE id = \(userID)")?.decode(column: "username", as: String.self) ?? ""
        try InputValidation.password(newPassword, username: username, field: "newPassword")
        let hash = try await passwords.hash(newPassword)
        try await store.withTransaction { tx in
            _ = try await self.authorisedUser(id: userID, actor: actor, permission: .userManage, in: tx)
            try await tx.execute("UPDATE users SET password_hash = \(hash) WHERE id = \(userID)")
            try await self.sessions.deleteAll(userID: userID, in: tx)
            try await AuditLog.append(context.event("user.resetPassword", "user", userID), in: tx)
        }
    }

    /// The signed-in user changes their own password, proving they know the current one; other sessions end.
    public func changeOwnPassword(actor: Actor, current: String, new: String, keepSessionID: String, context: AuditContext) async throws {
        let row = try await store.queryOne("SELECT password_hash FROM users WHERE id = \(actor.userID)")
        guard try await passwords.verify(current, against: try row.decode(column: "password_hash")) else {
            throw HTTPError(.badRequest, detail: "当前密码不正确。", code: "invalid-credentials", field: "currentPassword")
        }
        try InputValidation.password(new, username: actor.username, field: "newPassword")
        let hash = try await passwords.hash(new)
        try await store.withTransaction { tx in
            try await tx.execute("UPDATE users SET password_hash = \(hash) WHERE id = \(actor.userID)")
            try await tx.execute("DELETE FROM sessions WHERE user_id = \(actor.userID) AND id <> \(keepSessionID)")
            try await AuditLog.append(context.event("user.changePassword", "user", actor.userID), in: tx)
        }
    }

    public func addMembership(userID: String, _ input: MembershipInput, by actor: Actor, context: AuditContext) async throws -> MembershipView {
        try await store.withTransaction { tx in
            _ = try await self.authorisedUser(id: userID, actor: actor, permission: .userManage, in: tx)
            let id = try await self.insertMembership(input, userID: userID, actor: actor, in: tx, createUser: nil)
            try await AuditLog.append(context.event("membership.create", "user", userID, details: ["role": input.role.rawValue, "membership": id]), in: tx)
            guard let membership = try await self.memberships(of: [userID], in: tx)[userID]?.first(where: { $0.id == id }) else { throw HTTPError.notFound }
            return MembershipView(membership)
        }
    }

    public func removeMembership(userID: String, membershipID: String, by actor: Actor, context: AuditContext) async throws {
        try await store.withTransaction { tx in
            let all = try await self.memberships(of: [userID], in: tx)[userID] ?? []
            guard let membership = all.first(where: { $0.id == membershipID }) else { throw HTTPError.notFound }
            guard AccessPolicy.can(actor, .userManage, .user(id: userID, organisationPaths: [membership.organisationPath])) else { throw AccessDenied.error }
            if userID == actor.userID { throw InputValidation.invalid("不能移除自己的角色，请由其他管理员操作。", field: "membershipId") }
            try await tx.execute("DELETE FROM memberships WHERE id = \(membershipID)")
            try await self.sessions.deleteAll(userID: userID, in: tx)
            try await AuditLog.append(context.event("membership.delete", "user", userID, details: ["role": membership.role.rawValue, "membership": membershipID]), in: tx)
        }
    }

    public func revokeSessions(userID: String, by actor: Actor, context: AuditContext) async throws {
        try await store.withTransaction { tx in
            _ = try await self.authorisedUser(id: userID, actor: actor, permission: .userManage, in: tx)
            let count = try await self.sessions.deleteAll(userID: userID, in: tx)
            try await AuditLog.append(context.event("user.revokeSessions", "user", userID, details: ["sessions": String(count)]), in: tx)
        }
    }

    /// The full citizen ID number, for an actor allowed to see it; the reveal is audited.
    public func revealCitizenID(userID: String, by actor: Actor, context: AuditContext) async throws -> String? {
        try await store.withTransaction { tx in
            _ = try await self.authorisedUser(id: userID, actor: actor, permission: .userRevealPersonalData, in: tx)
            let value = try await tx.queryOne("SELECT citizen_id FROM users WHERE id = \(userID)").decode(column: "citizen_id", as: String?.self)
            try await AuditLog.append(context.event("user.revealCitizenId", "user", userID), in: tx)
            return value
        }
    }

    /// Starts the signed-in user's own TOTP enrolment.
    public func beginOwnTOTPEnrollment(actor: Actor, context: AuditContext) async throws -> (secret: String, uri: String) {
        try await store.withTransaction { tx in
            let result = try await self.beginTOTPEnrollment(userID: actor.userID, username: actor.username, in: tx)
            try await AuditLog.append(context.event("user.totpSetup", "user", actor.userID), in: tx)
            return result
        }
    }

    public func confirmOwnTOTPEnrollment(actor: Actor, code: String, context: AuditContext) async throws {
        let row = try await store.queryOne("SELECT totp_pending_secret FROM users WHERE id = \(actor.userID)")
        guard let secret = try row.decode(column: "totp_pending_secret", as: String?.self), let totp = try? TOTP(secret: Base32.decode(secret)) else {
            throw InputValidation.invalid("请先生成验证器密钥。", field: "code")
        }
        guard let step = totp.verify(code.trimmingCharacters(in: .whitespaces), at: clock.now(), lastAcceptedStep: nil) else {
            throw HTTPError(.badRequest, detail: "动态验证码不正确，请查看验证器中的最新验证码。", code: "invalid-totp-code", field: "code")
        }
        try await store.withTransaction { tx in
            try await tx.execute(
                "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = \(Int64(step)) WHERE id = \(actor.userID)")
            try await AuditLog.append(context.event("user.totpEnabled", "user", actor.userID), in: tx)
        }
    }

    // MARK: - Helpers

    /// Loads a user and checks `permission` over them (skipped when `actor` is nil: system work such as seeding).
    func authorisedUser(id: String, actor: Actor?, permission: Permission, in tx: any SQLExecutor) async throws -> UserView {
        guard let row = try await tx.queryFirst(
            "SELECT id, username, display_name, citizen_id, phone, status, totp_secret, created_at FROM users WHERE id = \(id)")
        else { throw HTTPError.notFound }
        let memberships = try await self.memberships(of: [id], in: tx)
        if let actor {
            let paths = memberships[id]?.map(\.organisationPath) ?? []
            guard AccessPolicy.can(actor, permission, .user(id: id, organisationPaths: paths)) else {
                // Someone who may not even read the user learns nothing about whether it exists.
                throw AccessPolicy.can(actor, .userRead, .user(id: id, organisationPaths: paths)) ? AccessDenied.error : HTTPError.notFound
            }
        }
        return try Self.userView(from: row, memberships: memberships)
    }

    /// Inserts a membership after checking the organisation, the role's fit and the actor's scope. With `createUser`,
    /// inserts the user row first (once).
    @discardableResult
    func insertMembership(
        _ input: MembershipInput, userID: String, actor: Actor?, in tx: any SQLExecutor,
        createUser: (username: String, displayName: String, hash: String, citizenID: String?, phone: String?)?
    ) async throws -> String {
        guard let organisation = try await organisation(id: input.organisationId, in: tx) else {
            throw InputValidation.invalid("所选单位不存在。", field: "memberships")
        }
        guard input.role.allowedOrganisationKinds.contains(organisation.kind) else {
            throw InputValidation.invalid("“\(input.role.chineseName)”不能设在\(organisation.kind.chineseName)。", field: "memberships")
        }
        if let actor, !AccessPolicy.can(actor, .userManage, .user(id: userID, organisationPaths: [organisation.path])) {
            throw AccessDenied.error
        }
        if let user = createUser, try await tx.queryFirst("SELECT id FROM users WHERE id = \(userID)") == nil {
            do {
                try await tx.execute(
                    """
                    INSERT INTO users (id, username, display_name, password_hash, citizen_id, phone, status, created_at)
                    VALUES (\(userID), \(user.username), \(user.displayName), \(user.hash), \(user.citizenID), \(user.phone), 'active', \(clock.now()))
                    """)
            } catch let error as StoreError where error.reason == .uniqueViolation {
                throw HTTPError(.conflict, detail: "用户名已被使用，请换一个。", code: "duplicate", field: "username")
            }
        }
        let id = Self.newID()
        do {
            try await tx.execute(
                "INSERT INTO memberships (id, user_id, organisation_id, role) VALUES (\(id), \(userID), \(organisation.id), \(input.role.rawValue))")
        } catch let error as StoreError where error.reason == .uniqueViolation {
            throw HTTPError(.conflict, detail: "该用户在此单位已有这个角色。", code: "duplicate", field: "memberships")
        }
        return id
    }

    static func userView(from row: Row, memberships: [String: [Membership]]) throws -> UserView {
        let id: String = try row.decode(column: "id")
        return UserView(
            id: id, username: try row.decode(column: "username"), displayName: try row.decode(column: "display_name"),
            citizenIdMasked: PersonalDataMask.citizenID(try row.decode(column: "citizen_id")),
            phoneMasked: PersonalDataMask.phone(try row.decode(column: "phone")),
            status: UserStatus(rawValue: try row.decode(column: "status")) ?? .disabled,
            memberships: (memberships[id] ?? []).map(MembershipView.init), totpEnabled: try row.decode(column: "totp_secret", as: String?.self) != nil,
            createdAt: try row.decode(column: "created_at"))
    }
}
