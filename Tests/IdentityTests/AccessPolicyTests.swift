import Identity
import Testing

/// The one authorisation rule, as pure logic: scope by organisation tree, case team, grants, and refusals by default.
struct AccessPolicyTests {
    // Paths of a small tree: province → two cities → districts.
    let province = "/js/"
    let nanjing = "/js/nj/"
    let gulou = "/js/nj/gulou/"
    let xuanwu = "/js/nj/xuanwu/"
    let suzhou = "/js/sz/"
    let gusu = "/js/sz/gusu/"

    func actor(_ id: String, _ roles: [(Role, String)]) -> Actor {
        Actor(
            userID: id, username: id, displayName: id,
            memberships: roles.enumerated().map { index, pair in
                Membership(id: "m\(index)", userID: id, organisationID: pair.1, organisationName: pair.1, organisationPath: pair.1, role: pair.0)
            })
    }

    func caseIn(_ path: String, team: Set<String> = [], juvenile: Bool = false, secret: Bool = false, lawyers: Set<String> = []) -> Resource {
        .case(CaseAccessFacts(organisationPath: path, teamUserIDs: team, isJuvenile: juvenile, isSecret: secret, approvedLawyerIDs: lawyers))
    }

    @Test func municipalLeaderSeesItsDistrictsCasesButNotAnotherCitys() {
        let chief = actor("chief", [(.chiefProsecutor, nanjing)])
        #expect(AccessPolicy.can(chief, .caseRead, caseIn(gulou)))
        #expect(AccessPolicy.can(chief, .caseRead, caseIn(xuanwu)))
        #expect(AccessPolicy.can(chief, .caseRead, caseIn(nanjing)))
        #expect(!AccessPolicy.can(chief, .caseRead, caseIn(gusu)))
        #expect(!AccessPolicy.can(chief, .caseRead, caseIn(province)))
    }

    @Test func prosecutorSeesOnlyCasesWhoseTeamTheyAreOn() {
        let prosecutor = actor("p1", [(.prosecutor, gulou)])
        #expect(AccessPolicy.can(prosecutor, .caseRead, caseIn(gulou, team: ["p1", "p2"])))
        #expect(!AccessPolicy.can(prosecutor, .caseRead, caseIn(gulou, team: ["p2"])))
        // On the team of a case of another procuratorate is not enough: scope still applies.
        #expect(!AccessPolicy.can(prosecutor, .caseRead, caseIn(gusu, team: ["p1"])))
    }

    @Test func lawyerSeesOnlyApprovedCasesAndNeverJuvenileOrSecretOnes() {
        let lawyer = actor("l1", [(.lawyer, "/js/nj/gulou/firm/")])
        #expect(AccessPolicy.can(lawyer, .caseRead, caseIn(gulou, lawyers: ["l1"])))
        #expect(!AccessPolicy.can(lawyer, .caseRead, caseIn(gulou, lawyers: ["l2"])))
        #expect(!AccessPolicy.can(lawyer, .caseRead, caseIn(gulou, juvenile: true, lawyers: ["l1"])))
        #expect(!AccessPolicy.can(lawyer, .caseRead, caseIn(gulou, secret: true, lawyers: ["l1"])))
        #expect(!AccessPolicy.can(lawyer, .caseManage, caseIn(gulou, lawyers: ["l1"])))
    }

    @Test func administratorManagesAccountsButCannotReadTheAuditLog() {
        let admin = actor("a", [(.administrator, nanjing)])
        let auditor = actor("b", [(.securityAuditor, province)])
        #expect(!AccessPolicy.can(admin, .auditRead, .auditLog))
        #expect(AccessPolicy.can(auditor, .auditRead, .auditLog))
        #expect(!AccessPolicy.can(auditor, .userManage, .user(id: "x", organisationPaths: [gulou])))
        #expect(AccessPolicy.can(admin, .userManage, .user(id: "x", organisationPaths: [gulou])))
        #expect(!AccessPolicy.can(admin, .userManage, .user(id: "x", organisationPaths: [suzhou])))
        #expect(!AccessPolicy.can(admin, .caseRead, caseIn(gulou)))
    }

    @Test func everyoneReadsTheirOwnAccountAndNoOneElses() {
        let officer = actor("o1", [(.detentionOfficer, "/js/nj/detention/")])
        #expect(AccessPolicy.can(officer, .userRead, .user(id: "o1", organisationPaths: ["/js/nj/detention/"])))
        #expect(!AccessPolicy.can(officer, .userRead, .user(id: "o2", organisationPaths: ["/js/nj/detention/"])))
        #expect(!AccessPolicy.can(officer, .userManage, .user(id: "o1", organisationPaths: ["/js/nj/detention/"])))
    }

    @Test func anActorWithNoMembershipIsRefusedEverything() {
        let nobody = actor("n", [])
        for permission in Permission.allCases {
            for resource in [Resource.organisationTree, .organisation(path: gulou), .auditLog, caseIn(gulou, team: ["n"], lawyers: ["n"])] {
                #expect(!AccessPolicy.can(nobody, permission, resource))
            }
        }
    }

    @Test func organisationsAreManagedOnlyWithinScope() {
        let admin = actor("a", [(.administrator, nanjing)])
        #expect(AccessPolicy.can(admin, .organisationManage, .organisation(path: gulou)))
        #expect(!AccessPolicy.can(admin, .organisationManage, .organisation(path: gusu)))
        #expect(AccessPolicy.can(admin, .organisationRead, .organisation(path: gusu)))
    }
}
