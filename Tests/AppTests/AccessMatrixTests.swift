import App
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Store
import Testing

/// Every route × every role, with the expected answer written down here. A route added without a row fails
/// `everyRouteHasAnExpectedRow`; a gate that lets the wrong role through fails `eachRoleIsAdmittedExactlyWhereExpected`.
struct AccessMatrixTests {
    enum Expectation {
        /// Anyone, signed in or not.
        case open
        /// Only the session between the password and the TOTP step.
        case pendingTOTP
        /// The signed-in roles listed.
        case roles(Set<Role>)

        static let everyRole = roles(Set(Role.allCases))
    }

    static let staff: Set<Role> = [.chiefProsecutor, .deputyChiefProsecutor, .departmentHead, .prosecutor, .prosecutorAssistant, .clerk]
    static let leaders: Set<Role> = [.chiefProsecutor, .deputyChiefProsecutor, .departmentHead]
    static let caseReaders = staff.union([.lawyer])
    static let orgReaders = staff.union([.administrator, .securityAuditor, .detentionOfficer, .judge])

    static let zero = "00000000-0000-0000-0000-000000000000"

    /// "METHOD pattern" → who gets past the gate.
    static let expected: [String: Expectation] = [
        "GET /healthz": .open,
        "GET /metrics": .open,
        "GET /api/openapi.json": .open,
        "GET /*": .open,
        "POST /api/auth/sign-in": .open,
        "POST /api/auth/totp": .pendingTOTP,
        "GET /api/auth/session": .everyRole,
        "POST /api/auth/sign-out": .everyRole,
        "POST /api/auth/sign-out-everywhere": .everyRole,
        "POST /api/me/password": .everyRole,
        "POST /api/me/totp/setup": .everyRole,
        "POST /api/me/totp/confirm": .everyRole,
        "GET /api/roles": .everyRole,
        "GET /api/organisations": .roles(orgReaders),
        "POST /api/organisations": .roles([.administrator]),
        "PATCH /api/organisations/:id": .roles([.administrator]),
        "GET /api/users": .roles(leaders.union([.administrator, .securityAuditor])),
        "POST /api/users": .roles([.administrator]),
        "GET /api/users/:id": .roles(leaders.union([.administrator, .securityAuditor])),
        "PATCH /api/users/:id": .roles([.administrator]),
        "POST /api/users/:id/password": .roles([.administrator]),
        "POST /api/users/:id/memberships": .roles([.administrator]),
        "DELETE /api/users/:id/memberships/:membershipId": .roles([.administrator]),
        "POST /api/users/:id/sessions/revoke": .roles([.administrator]),
        "POST /api/users/:id/citizen-id/reveal": .roles([.administrator]),
        "GET /api/audit-events": .roles([.securityAuditor]),
        "GET /api/knowledge/search": .everyRole,
        "GET /api/knowledge/laws/:lawId/articles/:article": .everyRole,
        "GET /api/knowledge/status": .everyRole,
        "GET /api/cases": .roles(caseReaders),
        "POST /api/cases": .roles(staff),
        "GET /api/cases/charges": .roles(caseReaders),
        "GET /api/cases/:id": .roles(caseReaders),
        "PATCH /api/cases/:id": .roles(staff),
        "POST /api/cases/:id/transitions": .roles(staff),
        "POST /api/cases/:id/extensions": .roles(staff),
        "POST /api/cases/:id/persons": .roles(staff),
        "POST /api/cases/:id/persons/:personId/citizen-id/reveal": .roles(staff),
        "POST /api/cases/:id/persons/:personId/measures": .roles(staff),
        "PATCH /api/cases/:id/measures/:measureId": .roles(staff),
        "POST /api/cases/:id/team": .roles(staff),
        "GET /api/cases/:id/candidates": .roles(staff),
        "POST /api/cases/:id/lawyers": .roles(staff),
        "DELETE /api/cases/:id/lawyers/:lawyerId": .roles(staff),
        "GET /api/cases/:id/files": .roles(caseReaders),
        "POST /api/cases/:id/files": .roles(staff),
        "GET /api/cases/:id/files/:fileId": .roles(caseReaders),
        "PATCH /api/cases/:id/files/:fileId": .roles(staff),
        "GET /api/holidays": .everyRole,
        "GET /api/notifications": .everyRole,
        "POST /api/notifications/:id/read": .everyRole,
        "POST /api/notifications/read-all": .everyRole,
        "GET /api/events": .everyRole,
        "POST /api/assist": .roles(staff),
        "GET /api/detention-centres/:id/rooms": .everyRole,
        "POST /api/detention-centres/:id/rooms": .roles([.administrator, .detentionOfficer]),
        "GET /api/remote-sessions": .everyRole,
        "GET /api/statistics/remote-sessions": .roles(caseReaders),
        "POST /api/remote-sessions": .roles(staff),
        "GET /api/remote-sessions/:id": .everyRole,
        "POST /api/remote-sessions/:id/actions": .everyRole,
        "POST /api/remote-sessions/:id/media": .everyRole,
        "GET /api/remote-sessions/:id/transcript": .everyRole,
        "GET /api/remote-sessions/:id/recording": .everyRole,
        "GET /api/remote-sessions/:id/transcript/pages": .everyRole,
        "POST /api/remote-sessions/:id/transcript/signatures": .everyRole,
        "GET /api/remote-sessions/:id/transcript/pdf": .everyRole,
        "PUT /api/remote-sessions/:id/transcript": .everyRole,
        "GET /janus": .everyRole,
        "POST /janus": .everyRole,
        "GET /janus/*": .everyRole,
        "POST /janus/*": .everyRole,
        "GET /vendor/janus.js": .open,
        "GET /vendor/adapter.js": .open,
        "GET /api/seal/public-key": .open,
        "PUT /api/holidays/:year": .roles([.administrator]),
    ]

    /// A concrete request for a route pattern: unknown ids, so an admitted request ends in 400/404 and changes nothing.
    static func target(for pattern: String) -> String {
        pattern.replacingOccurrences(of: ":id", with: zero).replacingOccurrences(of: ":membershipId", with: zero)
            .replacingOccurrences(of: ":lawId", with: zero).replacingOccurrences(of: ":article", with: "1")
            .replacingOccurrences(of: ":personId", with: zero).replacingOccurrences(of: ":measureId", with: zero)
            .replacingOccurrences(of: ":lawyerId", with: zero).replacingOccurrences(of: ":fileId", with: zero).replacingOccurrences(of: ":year", with: "2026")
            .replacingOccurrences(of: "/janus/*", with: "/janus/info").replacingOccurrences(of: "/*", with: "/index.html")
    }

    @Test func everyRouteHasAnExpectedRow() async throws {
        let test = try await TestApplication.make(seedDemo: false)
        defer { Task { await test.close() } }
        let routed = Set(test.app.router.routes.map { "\($0.method.rawValue) \($0.pattern)" })
        #expect(routed.subtracting(Self.expected.keys).sorted() == [], "routes without a row in the access matrix")
        #expect(Set(Self.expected.keys).subtracting(routed).sorted() == [], "rows for routes that no longer exist")
        for route in test.app.router.routes {
            #expect(test.app.routes.rule(route.method, route.pattern) != nil, "\(route.method.rawValue) \(route.pattern) has no access rule")
        }
    }

    @Test func eachRoleIsAdmittedExactlyWhereExpected() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let accounts = Dictionary(DemoWorld.accounts.map { ($0.role, $0.username) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(accounts.keys) == Set(Role.allCases), "the demo world has one account per role")
        var clients: [Role: TestClient] = [:]
        for role in Role.allCases { clients[role] = test.app.client() }
        let routes = test.app.router.routes.sorted { "\($0.pattern)\($0.method.rawValue)" < "\($1.pattern)\($1.method.rawValue)" }

        for route in routes {
            let key = "\(route.method.rawValue) \(route.pattern)"
            guard let expectation = Self.expected[key] else { continue }  // reported by everyRouteHasAnExpectedRow
            let target = Self.target(for: route.pattern)
            let body = route.method == .get || route.method == .delete ? nil : "{}"

            let anonymous = await test.app.router.respond(to: Self.request(route.method, target, body: body))
            switch expectation {
            case .open: #expect(anonymous.status.code != 401 && anonymous.status.code != 403, "\(key) anonymous")
            case .pendingTOTP, .roles: #expect(anonymous.status.code == 401, "\(key) anonymous must be 401")
            }

            for role in Role.allCases {
                let client = try #require(clients[role])
                if client.cookie == nil {  // first use, or signed out by the previous route
                    let signIn = await client.signIn(try #require(accounts[role]))
                    #expect(signIn.status == 200, "\(role) signs in")
                }
                let response = await client.send(route.method, target, json: body)
                let admitted = response.status != 401 && response.status != 403
                switch expectation {
                case .open: #expect(admitted, "\(key) as \(role): \(response.status)")
                case .pendingTOTP: #expect(response.status == 401, "\(key) as \(role) with a full session: \(response.status)")
                case .roles(let roles):
                    #expect(admitted == roles.contains(role), "\(key) as \(role): \(response.status) \(response.text)")
                }
            }
        }
    }

    static func request(_ method: HTTPMethod, _ target: String, body: String?) -> HTTPRequest {
        var headers: HTTPHeaders = ["Host": "127.0.0.1", "Origin": "http://127.0.0.1"]
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let bytes = Array((body ?? "").utf8)
        return HTTPRequest(
            head: HTTPRequestHead(method: method, target: target, headers: headers, framing: bytes.isEmpty ? .none : .contentLength(bytes.count)),
            body: bytes, remoteAddress: "127.0.0.1")
    }
}

extension Application {
    func client() -> TestClient { TestClient(app: self) }
}
