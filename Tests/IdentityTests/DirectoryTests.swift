import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Security
import Store
import StoreTestSupport
import Testing

/// Organisations and accounts: validation with field-specific answers that change nothing, and scope.
struct DirectoryTests {
    func counts(_ identity: IdentityService) async throws -> [Int] {
        var result: [Int] = []
        for table in ["users", "memberships", "organisations", "audit_events"] {
            result.append(try await identity.store.queryValue("SELECT count(*) FROM \(unsafeRaw: table)", as: Int.self))
        }
        return result
    }

    func newUser(_ org: String, username: String = "newclerk", citizenId: String? = nil, password: String = "Secure#2026", role: Role = .clerk) -> NewUser {
        NewUser(username: username, displayName: "钱程", password: password, citizenId: citizenId, phone: "13912345678", memberships: [MembershipInput(organisationId: org, role: role)])
    }

    @Test(arguments: TestEngine.available)
    func badInputNamesTheFieldAndChangesNothing(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let context = identity.auditContext(actorID: admin.userID, sourceAddress: "")
            let gulou = try await IdentityFixture.organisationID(identity, named: "南京市鼓楼区人民检察院")
            let detention = try await IdentityFixture.organisationID(identity, named: "南京市看守所")
            let before = try await counts(identity)
            let cases: [(NewUser, String, String)] = [
                (newUser(gulou, citizenId: "320106198503151234"), "citizenId", "身份证号校验位不正确。"),
                (newUser(gulou, citizenId: "32010619850315"), "citizenId", "身份证号应为18位。"),
                (newUser(gulou, password: "short"), "password", "密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类。"),
                (newUser(gulou, username: "张三"), "username", "用户名须为 3–32 位小写字母、数字、点、下划线或连字符。"),
                (newUser(gulou, username: "admin"), "username", "用户名已被使用，请换一个。"),
                (newUser(detention, role: .prosecutor), "memberships", "“检察官”不能设在看守所。"),
                (newUser("no-such-org"), "memberships", "所选单位不存在。"),
            ]
            for (input, field, detail) in cases {
                do {
                    _ = try await identity.createUser(input, by: admin, context: context)
                    Issue.record("accepted bad input for \(field)")
                } catch let error as HTTPError {
                    #expect(error.field == field)
                    #expect(error.detail == detail)
                }
            }
            #expect(try await counts(identity) == before)
        }
    }

    @Test(arguments: TestEngine.available)
    func administratorCreatesUsersOnlyWithinTheirScope(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let suzhou = try await IdentityFixture.organisationID(identity, named: "苏州市人民检察院")
            let gulou = try await IdentityFixture.organisationID(identity, named: "南京市鼓楼区人民检察院")
            let gusu = try await IdentityFixture.organisationID(identity, named: "苏州市姑苏区人民检察院")
            let context = identity.auditContext(actorID: admin.userID, sourceAddress: "")
            // A municipal administrator for 苏州, created by the provincial one.
            let suzhouAdmin = try await identity.createUser(newUser(suzhou, username: "szadmin", role: .administrator), by: admin, context: context)
            let actor = try #require(try await identity.loadActor(userID: suzhouAdmin.id))
            let created = try await identity.createUser(newUser(gusu, username: "gusuclerk"), by: actor, context: context)
            #expect(created.memberships.map(\.organisationName) == ["苏州市姑苏区人民检察院"])
            await #expect(throws: HTTPError.self) {
                _ = try await identity.createUser(newUser(gulou, username: "intruder"), by: actor, context: context)
            }
            // The 苏州 administrator lists only 苏州's users.
            let listed = try await identity.users(matching: UserFilter(pageSize: 100), by: actor)
            #expect(Set(listed.items.map(\.username)) == ["szadmin", "gusuclerk"])
        }
    }

    @Test(arguments: TestEngine.available)
    func listsMaskPersonalDataAndRevealingIsAudited(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let page = try await identity.users(matching: UserFilter(text: "张"), by: admin)
            let prosecutor = try #require(page.items.first)
            #expect(page.total == 1)
            #expect(prosecutor.username == "prosecutor")
            let masked = try #require(prosecutor.citizenIdMasked)
            #expect(masked.hasPrefix("3201") && masked.contains("**********"))
            #expect(prosecutor.phoneMasked?.contains("****") == true)
            let full = try await identity.revealCitizenID(
                userID: prosecutor.id, by: admin, context: identity.auditContext(actorID: admin.userID, sourceAddress: "10.0.0.5"))
            #expect(full?.count == 18)
            #expect(full?.suffix(4) == masked.suffix(4))
            let last = try await identity.store.queryOne("SELECT action, resource_id, source_address FROM audit_events ORDER BY sequence DESC LIMIT 1")
            #expect(try last.decode(column: "action", as: String.self) == "user.revealCitizenId")
            #expect(try last.decode(column: "resource_id", as: String.self) == prosecutor.id)
            #expect(try last.decode(column: "source_address", as: String.self) == "10.0.0.5")
        }
    }

    @Test(arguments: TestEngine.available)
    func organisationsNestByLevelAndLawFirmsNeedAValidCreditCode(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let context = identity.auditContext(actorID: admin.userID, sourceAddress: "")
            let nanjing = try await IdentityFixture.organisationID(identity, named: "南京市人民检察院")
            let gulou = try await IdentityFixture.organisationID(identity, named: "南京市鼓楼区人民检察院")
            let district = try await identity.createOrganisation(
                NewOrganisation(parentId: nanjing, kind: .procuratorate, name: "南京市秦淮区人民检察院", abbreviation: "宁秦"), by: admin, context: context)
            #expect(district.level == .basic)
            let below = await #expect(throws: HTTPError.self) {
                _ = try await identity.createOrganisation(
                    NewOrganisation(parentId: gulou, kind: .procuratorate, name: "不存在的下级院", abbreviation: "无"), by: admin, context: context)
            }
            #expect(below?.field == "parentId")
            let badCode = await #expect(throws: HTTPError.self) {
                _ = try await identity.createOrganisation(
                    NewOrganisation(parentId: gulou, kind: .lawFirm, name: "某某律师事务所", creditCode: "31320106MD01234560"), by: admin, context: context)
            }
            #expect(badCode?.field == "creditCode")
            #expect(badCode?.detail == "统一社会信用代码校验位不正确。")
        }
    }

    @Test(arguments: TestEngine.available)
    func disablingAUserEndsTheirSessions(engine: TestEngine) async throws {
        try await IdentityFixture.withIdentity(engine) { identity, _ in
            let admin = try await IdentityFixture.actor(identity, "admin")
            let clerk = try await IdentityFixture.signIn(identity, "clerk")
            _ = try await identity.updateUser(
                id: clerk.actor.userID, UserChanges(status: .disabled), by: admin, context: identity.auditContext(actorID: admin.userID, sourceAddress: ""))
            #expect(try await identity.currentActor(token: clerk.token) == nil)
        }
    }
}
