import App
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Observability
import Store
import Testing

/// Sign-in, CSRF and sessions as a browser meets them: status, problem+json, cookies.
struct SignInHTTPTests {
    @Test func signInSetsAStrictHttpOnlySessionCookieAndReturnsTheRolesPermissions() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        let response = await client.signIn("admin")
        #expect(response.status == 200)
        let cookie = try #require(response.headers["Set-Cookie"])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"), "plain HTTP on loopback; Secure is set behind TLS")
        let session = try #require(response.json["session"] as? [String: Any])
        #expect((session["permissions"] as? [String])?.contains("user.manage") == true)
        #expect((session["permissions"] as? [String])?.contains("audit.read") == false)
        #expect(response.headers["Cache-Control"] == "no-store")
    }

    @Test func wrongPasswordIsAProblemWithAReadableMessageAndNoCookie() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        let response = await client.signIn("admin", password: "Wrong-pass1")
        #expect(response.status == 401)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.json["detail"] as? String == "用户名或密码不正确。")
        #expect(response.json["type"] as? String == "urn:jianwu:problem:invalid-credentials")
        #expect(response.headers["Set-Cookie"] == nil)
        let malformed = await client.send(.post, "/api/auth/sign-in", json: #"{"username":"admin"}"#)
        #expect(malformed.status == 400)
        #expect(malformed.json["field"] as? String == "password")
    }

    @Test func stateChangingRequestsNeedTheSessionsCSRFToken() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        await client.signIn("admin")
        let newUser = #"{"username":"csrfvictim","displayName":"测试","password":"Secure#2026","memberships":[]}"#
        let missing = await client.send(.post, "/api/users", json: newUser, csrf: false)
        #expect(missing.status == 403)
        #expect(missing.json["type"] as? String == "urn:jianwu:problem:csrf-token-missing")
        let wrong = await client.send(.post, "/api/users", json: newUser, headers: ["X-CSRF-Token": "forged"], csrf: false)
        #expect(wrong.status == 403)
        #expect(wrong.json["type"] as? String == "urn:jianwu:problem:csrf-token-invalid")
        let crossSite = await client.send(.post, "/api/auth/sign-out", headers: ["Origin": "https://evil.example"])
        #expect(crossSite.status == 403)
        #expect(crossSite.json["type"] as? String == "urn:jianwu:problem:cross-origin-request")
        // Nothing changed: the session still works and no user was created.
        #expect(await client.send(.get, "/api/auth/session").status == 200)
        #expect(try await test.store.queryValue("SELECT count(*) FROM users WHERE username = 'csrfvictim'", as: Int.self) == 0)
    }

    @Test func signOutEndsTheSessionAndClearsTheCookie() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        await client.signIn("clerk")
        let stolen = try #require(client.cookie)
        let out = await client.send(.post, "/api/auth/sign-out")
        #expect(out.status == 204)
        #expect(out.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        let thief = test.app.client()
        thief.cookie = stolen
        let after = await thief.send(.get, "/api/auth/session")
        #expect(after.status == 401)
        #expect(after.json["detail"] as? String == "登录已过期，请重新登录。")
    }

    @Test func logsNeverContainPasswordsOrCitizenIDs() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        await client.signIn("admin", password: "Wrong-pass1")
        await client.signIn("admin")
        let users = await client.send(.get, "/api/users?pageSize=100")
        let ids = (users.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        for id in ids { await client.send(.post, "/api/users/\(id)/citizen-id/reveal") }
        let fullNumbers = try await test.store.query("SELECT citizen_id FROM users").compactMap { try $0.decode(column: "citizen_id", as: String?.self) }
        #expect(fullNumbers.count == DemoWorld.accounts.count)
        let logs = test.logs.lines.joined(separator: "\n")
        #expect(!logs.isEmpty)
        #expect(!logs.contains(DemoWorld.password))
        #expect(!logs.contains("Wrong-pass1"))
        for number in fullNumbers { #expect(!logs.contains(number)) }
    }
}
