import Foundation
import HTTPRouter
import HTTPServer
import Security
import Store

extension IdentityService {
    static let invalidCredentials = HTTPError(.unauthorized, detail: "用户名或密码不正确。", code: "invalid-credentials")
    static let invalidTOTP = HTTPError(.unauthorized, detail: "动态验证码不正确或已过期，请查看验证器中的最新验证码。", code: "invalid-totp-code", field: "code")
    static let notSignedIn = HTTPError(.unauthorized, detail: "登录已过期，请重新登录。", code: "not-signed-in")

    /// The password step. Unknown user, wrong password and disabled account get the same answer in about the same time.
    /// - Parameter previousToken: the session cookie the browser already had; it is ended, so sign-in always rotates the id.
    public func signIn(username rawUsername: String, password: String, sourceAddress: String, previousToken: String?) async throws -> SignInResult {
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        let accountKey = SignInThrottle.accountKey(username)
        let addressKey = SignInThrottle.addressKey(sourceAddress)
        try await throttle.check(keys: [accountKey, addressKey], in: store)

        let user = try await store.queryFirst(
            "SELECT id, password_hash, status, totp_secret FROM users WHERE username = \(username)")
        let hash = try user?.decode(column: "password_hash", as: String.self) ?? decoyHash
        let passwordMatches = (try? await passwords.verify(password, against: hash)) ?? false
        let userID = try user?.decode(column: "id", as: String.self)
        let active = try user?.decode(column: "status", as: String.self) == UserStatus.active.rawValue
        let context = auditContext(actorID: userID ?? "anonymous", sourceAddress: sourceAddress)

        guard let userID, passwordMatches, active else {
            let reason = userID == nil ? "unknownUser" : (passwordMatches ? "disabled" : "wrongPassword")
            try await store.withTransaction { tx in
                try await self.throttle.recordFailure(
                    keys: [(accountKey, self.settings.maxFailuresPerAccount), (addressKey, self.settings.maxFailuresPerAddress)], in: tx)
                try await AuditLog.append(context.event("user.signInFailed", "user", userID ?? "", details: ["reason": reason]), in: tx)
            }
            throw Self.invalidCredentials
        }
        if passwords.hasher.needsRehash(hash), let rehashed = try? await passwords.hash(password) {
            try await store.execute("UPDATE users SET password_hash = \(rehashed) WHERE id = \(userID)")
        }
        let hasAuthenticator = try user?.decode(column: "totp_secret", as: String?.self) != nil
        let totpRequired = try await organisationsRequireTOTP(userID: userID)
        let actor = try await loadActor(userID: userID)
        return try await store.withTransaction { tx in
            if let previousToken { try await self.sessions.delete(id: SessionToken(value: previousToken).storageID, in: tx) }
            try await self.throttle.reset(key: accountKey, in: tx)
            if hasAuthenticator || totpRequired {
                let pending = try await self.sessions.create(userID: userID, state: .totp, sourceAddress: sourceAddress, in: tx)
                try await AuditLog.append(context.event("user.passwordVerified", "user", userID), in: tx)
                if hasAuthenticator { return .totpRequired(token: pending.token.value) }
                let enrolment = try await self.beginTOTPEnrollment(userID: userID, username: username, in: tx)
                return .totpEnrollmentRequired(token: pending.token.value, secret: enrolment.secret, uri: enrolment.uri)
            }
            let session = try await self.sessions.create(userID: userID, state: .active, sourceAddress: sourceAddress, in: tx)
            try await AuditLog.append(context.event("user.signIn", "user", userID, details: ["method": "password"]), in: tx)
            guard let actor else { throw Self.invalidCredentials }
            return .signedIn(token: session.token.value, csrfToken: session.csrfToken, actor: actor)
        }
    }

    /// The TOTP step, on the pending session the password step created. Confirms a pending enrolment on first use.
    public func completeTOTP(pendingToken: String, code: String, sourceAddress: String) async throws -> SignInResult {
        guard let pending = try await sessions.find(token: pendingToken, in: store), pending.state == .totp else { throw Self.notSignedIn }
        let userID = pending.userID
        let user = try await store.queryOne(
            "SELECT username, totp_secret, totp_pending_secret, totp_last_step FROM users WHERE id = \(userID)")
        let accountKey = SignInThrottle.accountKey(try user.decode(column: "username"))
        try await throttle.check(keys: [accountKey, SignInThrottle.addressKey(sourceAddress)], in: store)
        let enrolled = try user.decode(column: "totp_secret", as: String?.self)
        guard let secretText = try enrolled ?? user.decode(column: "totp_pending_secret", as: String?.self),
            let totp = try? TOTP(secret: Base32.decode(secretText))
        else { throw Self.notSignedIn }
        let lastStep = try user.decode(column: "totp_last_step", as: Int64?.self).map(UInt64.init)
        let context = auditContext(actorID: userID, sourceAddress: sourceAddress)
        guard let step = totp.verify(code.trimmingCharacters(in: .whitespaces), at: clock.now(), lastAcceptedStep: lastStep) else {
            try await store.withTransaction { tx in
                try await self.throttle.recordFailure(keys: [(accountKey, self.settings.maxFailuresPerAccount)], in: tx)
                try await AuditLog.append(context.event("user.signInFailed", "user", userID, details: ["reason": "wrongTOTP"]), in: tx)
            }
            throw Self.invalidTOTP
        }
        guard let actor = try await loadActor(userID: userID) else { throw Self.invalidCredentials }
        return try await store.withTransaction { tx in
            try await self.sessions.delete(id: pending.id, in: tx)
            if enrolled == nil {
                try await tx.execute(
                    "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL WHERE id = \(userID)")
                try await AuditLog.append(context.event("user.totpEnabled", "user", userID), in: tx)
            }
            try await tx.execute("UPDATE users SET totp_last_step = \(Int64(step)) WHERE id = \(userID)")
            try await self.throttle.reset(key: accountKey, in: tx)
            let session = try await self.sessions.create(userID: userID, state: .active, sourceAddress: sourceAddress, in: tx)
            try await AuditLog.append(context.event("user.signIn", "user", userID, details: ["method": "password+totp"]), in: tx)
            return .signedIn(token: session.token.value, csrfToken: session.csrfToken, actor: actor)
        }
    }

    /// Who a session cookie signs in, or nil when it names no live, fully signed-in session.
    public func currentActor(token: String) async throws -> Actor? {
        guard let session = try await sessions.find(token: token, in: store), session.state == .active else { return nil }
        return try await loadActor(userID: session.userID)
    }

    /// The live session for a cookie value, or nil.
    func session(forToken token: String) async throws -> SessionRecord? {
        try await sessions.find(token: token, in: store)
    }

    public func signOut(sessionID: String, actorID: String, sourceAddress: String) async throws {
        let context = auditContext(actorID: actorID, sourceAddress: sourceAddress)
        try await store.withTransaction { tx in
            try await self.sessions.delete(id: sessionID, in: tx)
            try await AuditLog.append(context.event("user.signOut", "user", actorID), in: tx)
        }
    }

    public func signOutEverywhere(actorID: String, sourceAddress: String) async throws {
        let context = auditContext(actorID: actorID, sourceAddress: sourceAddress)
        try await store.withTransaction { tx in
            let count = try await self.sessions.deleteAll(userID: actorID, in: tx)
            try await AuditLog.append(context.event("user.signOutEverywhere", "user", actorID, details: ["sessions": String(count)]), in: tx)
        }
    }

    /// Whether any organisation the user belongs to requires TOTP for the role they hold there.
    func organisationsRequireTOTP(userID: String) async throws -> Bool {
        let rows = try await store.query(
            "SELECT m.role, o.totp_roles FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = \(userID)")
        return try rows.contains { row in
            let roles = try row.decode(column: "totp_roles", as: String.self).split(separator: ",").map(String.init)
            return roles.contains(try row.decode(column: "role", as: String.self))
        }
    }

    /// Stores a fresh pending secret and returns it with its provisioning URI.
    func beginTOTPEnrollment(userID: String, username: String, in tx: any SQLExecutor) async throws -> (secret: String, uri: String) {
        let secret = try TOTP.generateSecret()
        let totp = try TOTP(secret: secret)
        let encoded = Base32.encode(secret)
        try await tx.execute("UPDATE users SET totp_pending_secret = \(encoded) WHERE id = \(userID)")
        return (encoded, totp.provisioningURI(issuer: "检务云", account: username))
    }
}
