import Security
import Store

/// The demo organisations and one account per role, for trying Jianwu out. Seeding twice changes nothing.
public enum DemoWorld {
    /// The password of every demo account (README lists the accounts).
    public static let password = "Jianwu@2026"

    public struct Account: Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        /// Key of the organisation in ``organisations``.
        public var organisation: String
    }

    /// (key, parent key, kind, name, abbreviation)
    static let organisations: [(String, String?, OrganisationKind, String, String?)] = [
        ("spp", nil, .procuratorate, "最高人民检察院", "高检"),
        ("js", "spp", .procuratorate, "江苏省人民检察院", "苏"),
        ("nj", "js", .procuratorate, "南京市人民检察院", "宁"),
        ("gulou", "nj", .procuratorate, "南京市鼓楼区人民检察院", "宁鼓"),
        ("gulou-1", "gulou", .department, "第一检察部", nil),
        ("xuanwu", "nj", .procuratorate, "南京市玄武区人民检察院", "宁玄"),
        ("nj-detention", "nj", .detentionCentre, "南京市看守所", nil),
        ("gulou-court", "gulou", .court, "南京市鼓楼区人民法院", nil),
        ("firm", "gulou", .lawFirm, "江苏宁鼓律师事务所", nil),
        ("sz", "js", .procuratorate, "苏州市人民检察院", "苏州"),
        ("gusu", "sz", .procuratorate, "苏州市姑苏区人民检察院", "苏姑"),
    ]

    public static let accounts: [Account] = [
        Account(username: "admin", displayName: "周明", role: .administrator, organisation: "js"),
        Account(username: "auditor", displayName: "吴静", role: .securityAuditor, organisation: "js"),
        Account(username: "chief", displayName: "王建国", role: .chiefProsecutor, organisation: "gulou"),
        Account(username: "deputy", displayName: "陈立新", role: .deputyChiefProsecutor, organisation: "gulou"),
        Account(username: "head", displayName: "刘芳", role: .departmentHead, organisation: "gulou-1"),
        Account(username: "prosecutor", displayName: "张伟", role: .prosecutor, organisation: "gulou-1"),
        Account(username: "assistant", displayName: "李娜", role: .prosecutorAssistant, organisation: "gulou-1"),
        Account(username: "clerk", displayName: "赵敏", role: .clerk, organisation: "gulou-1"),
        Account(username: "officer", displayName: "孙强", role: .detentionOfficer, organisation: "nj-detention"),
        Account(username: "judge", displayName: "郑洁", role: .judge, organisation: "gulou-court"),
        Account(username: "lawyer", displayName: "黄磊", role: .lawyer, organisation: "firm"),
    ]

    /// Seeds the demo world unless its administrator account exists. Returns whether anything was created.
    @discardableResult
    public static func seed(_ identity: IdentityService) async throws -> Bool {
        if try await identity.store.queryFirst("SELECT id FROM users WHERE username = 'admin'") != nil { return false }
        let context = identity.auditContext(actorID: "system", sourceAddress: "")
        var ids: [String: String] = [:]
        for (key, parent, kind, name, abbreviation) in organisations {
            let creditCode = kind == .lawFirm ? lawFirmCreditCode : nil
            let created = try await identity.createOrganisation(
                NewOrganisation(parentId: parent.flatMap { ids[$0] }, kind: kind, name: name, abbreviation: abbreviation, creditCode: creditCode),
                by: nil, context: context)
            ids[key] = created.id
        }
        for (index, account) in accounts.enumerated() {
            guard let organisationID = ids[account.organisation] else { continue }
            _ = try await identity.createUser(
                NewUser(
                    username: account.username, displayName: account.displayName, password: password, citizenId: demoCitizenID(index),
                    phone: "1380000" + String(format4(index)), memberships: [MembershipInput(organisationId: organisationID, role: account.role)]),
                by: nil, context: context)
        }
        return true
    }

    /// A well-formed (GB 32100 check character) code for the demo law firm: 3 = 司法行政, 1 = 律师执业机构, 320106 = 鼓楼区.
    static let lawFirmCreditCode: String = {
        let body = "31320106MD0123456"
        return body + String(CreditCode.checkCharacter(forBody: body) ?? "0")
    }()

    /// Invented but well-formed numbers (鼓楼区 region code, GB 11643 check digit), so masking shows in the UI.
    static func demoCitizenID(_ index: Int) -> String {
        let body = "320106198" + String(index % 10) + "0315" + "12" + String(index % 10)
        return body + String(CitizenID.checkCharacter(forBody: body) ?? "0")
    }

    static func format4(_ n: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
