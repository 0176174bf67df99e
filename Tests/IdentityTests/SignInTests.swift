import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Security
import Store
import StoreTestSupport
import Testing

/// Passwords, TOTP, throttling and session lifetimes, on both engines.
struct SignInTests {
    static func error(_ body: () async throws -> Void) async -> HTTPError? {
        do {
            try await body()
            return nil
        } catch let error as HTTPError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    func signIn(_ identity: IdentityService, _ username: String, _ password: String, address: String = "10.1.1.1") async throws -> SignInResult {
        try await identity.signIn(username: username, password: password, sourceAddress: address, previousToken: nil)
    }

    @Test(arguments: TestEngine.available)
    func unknownUserAndWrongPasswordGetTheSameAnswer(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let unknown = await Self.error { _ = try await signIn(identity, "nobody", "Whatever1!") }
            let wrong = await Self.error { _ = try await signIn(identity, "prosecutor", "Wrong-pass1") }
            #expect(unknown != nil)
            #expect(unknown == wrong)
            #expect(unknown?.status == .unauthorized)
            #expect(unknown?.code == "invalid-credentials")
        }
    }

    @Test(arguments: TestEngine.available)
    func disabledAccountGetsTheSameAnswerAsAWrongPassword(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let clerk = try await IdentityFixture.actor(identity, "clerk")
            _ = try await identity.updateUser(id: clerk.userID, UserChanges(status: .disabled), by: admin, context: identity.auditContext(actorID: admin.userID, sourceAddress: ""))
            let error = await Self.error { _ = try await signIn(identity, "clerk", DemoWorld.password) }
            #expect(error?.code == "invalid-credentials")
        }
    }

    @Test(arguments: TestEngine.available)
    func fifthFailureLocksTheAccountWithTheMinutesToWait(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, clock in
            for _ in 1...5 {
                let error = await Self.error { _ = try await signIn(identity, "prosecutor", "Wrong-pass1") }
                #expect(error?.code == "invalid-credentials")
            }
            // Locked: even the right password is refused, with a clear message and Retry-After.
            let locked = await Self.error { _ = try await signIn(identity, "prosecutor", DemoWorld.password) }
            #expect(locked?.status == .tooManyRequests)
            #expect(locked?.detail == "登录失败次数过多，请 15 分钟后再试。")
            #expect(locked?.headers["Retry-After"] == "900")
            clock.advance(by: 15 * 60 + 1)
            guard case .signedIn = try await signIn(identity, "prosecutor", DemoWorld.password) else {
                Issue.record("sign-in after the lock expired should succeed")
                return
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func unknownAccountsLockLikeRealOnesSoLocksRevealNothing(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            for _ in 1...5 { _ = await Self.error { _ = try await signIn(identity, "ghost", "Wrong-pass1") } }
            let locked = await Self.error { _ = try await signIn(identity, "ghost", "Wrong-pass1") }
            #expect(locked?.status == .tooManyRequests)
        }
    }

    @Test(arguments: TestEngine.available)
    func oneAddressFailingAcrossManyAccountsIsLocked(engine: TestEngine) async throws {
        var settings = IdentitySettings()
        settings.maxFailuresPerAddress = 4
        try await IdentityFixture.withIdentity(engine, settings: settings) { identity, _ in
            for name in ["a1", "a2", "a3", "a4"] { _ = await Self.error { _ = try await signIn(identity, name, "x", address: "10.9.9.9") } }
            let locked = await Self.error { _ = try await signIn(identity, "judge", DemoWorld.password, address: "10.9.9.9") }
            #expect(locked?.status == .tooManyRequests)
            guard case .signedIn = try await signIn(identity, "judge", DemoWorld.password, address: "10.9.9.10") else {
                Issue.record("another address is not locked")
                return
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func sessionEndsWhenIdleAndAtItsAbsoluteLimit(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, clock in
            let idle = try await IdentityFixture.signIn(identity, "clerk")
            clock.advance(by: 29 * 60)
            #expect(try await identity.currentActor(token: idle.token) != nil)
            clock.advance(by: 29 * 60)
            #expect(try await identity.currentActor(token: idle.token) != nil, "each use restarts the idle timer")
            clock.advance(by: 31 * 60)
            #expect(try await identity.currentActor(token: idle.token) == nil)

            let busy = try await IdentityFixture.signIn(identity, "clerk")
            for _ in 0..<25 {
                clock.advance(by: 29 * 60)
                _ = try await identity.currentActor(token: busy.token)
            }
            #expect(try await identity.currentActor(token: busy.token) == nil, "12 hours is the limit however active")
        }
    }

    @Test(arguments: TestEngine.available)
    func signingInAgainEndsThePreviousSessionOfThatBrowser(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let first = try await IdentityFixture.signIn(identity, "clerk")
            guard case .signedIn(let second, _, _) = try await identity.signIn(
                username: "clerk", password: DemoWorld.password, sourceAddress: "", previousToken: first.token)
            else { throw IdentityFixture.FixtureError.notSignedIn }
            #expect(second != first.token)
            #expect(try await identity.currentActor(token: first.token) == nil)
            #expect(try await identity.currentActor(token: second) != nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func signOutEverywhereEndsEverySession(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let laptop = try await IdentityFixture.signIn(identity, "chief")
            let phone = try await IdentityFixture.signIn(identity, "chief")
            let other = try await IdentityFixture.signIn(identity, "deputy")
            try await identity.signOutEverywhere(actorID: laptop.actor.userID, sourceAddress: "")
            #expect(try await identity.currentActor(token: laptop.token) == nil)
            #expect(try await identity.currentActor(token: phone.token) == nil)
            #expect(try await identity.currentActor(token: other.token) != nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func totpIsAskedForAfterThePasswordAndACodeIsUsedOnlyOnce(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, clock in
            let session = try await IdentityFixture.signIn(identity, "prosecutor")
            let context = identity.auditContext(actorID: session.actor.userID, sourceAddress: "")
            let enrolment = try await identity.beginOwnTOTPEnrollment(actor: session.actor, context: context)
            let totp = try TOTP(secret: Base32.decode(enrolment.secret))
            let wrong = await Self.error { try await identity.confirmOwnTOTPEnrollment(actor: session.actor, code: "000000", context: context) }
            #expect(wrong?.code == "invalid-totp-code")
            try await identity.confirmOwnTOTPEnrollment(actor: session.actor, code: totp.code(at: clock.now()), context: context)

            clock.advance(by: 60)
            guard case .totpRequired(let pending) = try await signIn(identity, "prosecutor", DemoWorld.password) else {
                Issue.record("TOTP step expected")
                return
            }
            #expect(try await identity.currentActor(token: pending) == nil, "a pending session is not signed in")
            let bad = await Self.error { _ = try await identity.completeTOTP(pendingToken: pending, code: "123456", sourceAddress: "") }
            #expect(bad?.code == "invalid-totp-code")
            let code = totp.code(at: clock.now())
            guard case .signedIn(let token, _, _) = try await identity.completeTOTP(pendingToken: pending, code: code, sourceAddress: "") else {
                Issue.record("valid code should sign in")
                return
            }
            #expect(try await identity.currentActor(token: token) != nil)
            #expect(try await identity.currentActor(token: pending) == nil, "the pending session is replaced")

            // The same code again, within its 30 seconds, on a new sign-in: refused (replay).
            guard case .totpRequired(let again) = try await signIn(identity, "prosecutor", DemoWorld.password) else { return }
            let replay = await Self.error { _ = try await identity.completeTOTP(pendingToken: again, code: code, sourceAddress: "") }
            #expect(replay?.code == "invalid-totp-code")
        }
    }

    @Test(arguments: TestEngine.available)
    func organisationRequiringTOTPForARoleMakesItsMembersEnrolAtSignIn(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, clock in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let gulou = try await IdentityFixture.organisationID(identity, named: "南京市鼓楼区人民检察院")
            _ = try await identity.updateOrganisation(
                id: gulou, OrganisationChanges(totpRoles: [.chiefProsecutor]), by: admin, context: identity.auditContext(actorID: admin.userID, sourceAddress: ""))
            guard case .totpEnrollmentRequired(let pending, let secret, let uri) = try await signIn(identity, "chief", DemoWorld.password) else {
                Issue.record("enrolment expected")
                return
            }
            #expect(uri.hasPrefix("otpauth://totp/"))
            let code = try TOTP(secret: Base32.decode(secret)).code(at: clock.now())
            guard case .signedIn = try await identity.completeTOTP(pendingToken: pending, code: code, sourceAddress: "") else {
                Issue.record("enrolment code should sign in")
                return
            }
            // From now on the chief has an authenticator: the ordinary TOTP step.
            guard case .totpRequired = try await signIn(identity, "chief", DemoWorld.password) else {
                Issue.record("TOTP step expected after enrolment")
                return
            }
            // The deputy, another role at the same procuratorate, is not asked.
            guard case .signedIn = try await signIn(identity, "deputy", DemoWorld.password) else {
                Issue.record("deputy needs no TOTP")
                return
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func everySignInAttemptIsAudited(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            _ = await Self.error { _ = try await signIn(identity, "judge", "Wrong-pass1") }
            _ = try await IdentityFixture.signIn(identity, "judge")
            let actions = try await identity.store.query("SELECT action FROM audit_events ORDER BY sequence DESC LIMIT 2")
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["user.signIn", "user.signInFailed"])
            #expect(try await AuditLog.verify(in: identity.store).isIntact)
        }
    }
}
