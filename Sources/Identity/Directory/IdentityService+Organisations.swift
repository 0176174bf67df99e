import Foundation
import HTTPRouter
import HTTPServer
import Security
import Store

extension IdentityService {
    /// Every organisation, parents before children (ordered by tree path).
    func organisations(in executor: (any SQLExecutor)? = nil) async throws -> [Organisation] {
        let rows = try await (executor ?? store).query(
            "SELECT id, parent_id, kind, level, name, abbreviation, credit_code, path, totp_roles FROM organisations ORDER BY path")
        return try rows.map(Self.organisation(from:))
    }

    func organisation(id: String, in executor: (any SQLExecutor)? = nil) async throws -> Organisation? {
        try await (executor ?? store).queryFirst(
            "SELECT id, parent_id, kind, level, name, abbreviation, credit_code, path, totp_roles FROM organisations WHERE id = \(id)"
        ).map(Self.organisation(from:))
    }

    /// Creates an organisation below `parentId`. Procuratorates nest by level (最高 → 省 → 市 → 区县); departments,
    /// detention centres, courts and law firms hang below the procuratorate of their area, which gives that
    /// procuratorate's administrators their scope.
    public func createOrganisation(_ input: NewOrganisation, by actor: Actor?, context: AuditContext) async throws -> Organisation {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...60).contains(name.count) else { throw InputValidation.invalid("名称须为 2–60 个字。", field: "name") }
        let creditCode = try InputValidation.creditCode(input.creditCode)
        let abbreviation = input.abbreviation?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        return try await store.withTransaction { tx in
            let parent: Organisation?
            if let parentID = input.parentId {
                guard let found = try await self.organisation(id: parentID, in: tx) else {
                    throw InputValidation.invalid("上级单位不存在。", field: "parentId")
                }
                parent = found
            } else {
                parent = nil
            }
            let level = try Self.checkPlacement(kind: input.kind, level: input.level, parent: parent)
            if input.kind == .procuratorate && abbreviation == nil {
                throw InputValidation.invalid("检察院须填写简称（用于案号，如“宁鼓”）。", field: "abbreviation")
            }
            if input.kind == .lawFirm && creditCode == nil {
                throw InputValidation.invalid("律师事务所须填写统一社会信用代码。", field: "creditCode")
            }
            if let actor {
                // Creating below a node is managing that node's subtree.
                guard let parent, AccessPolicy.can(actor, .organisationManage, .organisation(path: parent.path)) else { throw AccessDenied.error }
            }
            let id = Self.newID()
            let organisation = Organisation(
                id: id, parentID: parent?.id, kind: input.kind, level: level, name: name, abbreviation: abbreviation, creditCode: creditCode,
                path: (parent?.path ?? "/") + id + "/")
            do {
                try await tx.execute(
                    """
                    INSERT INTO organisations (id, parent_id, kind, level, name, abbreviation, credit_code, path, totp_roles, created_at)
                    VALUES (\(id), \(parent?.id), \(input.kind.rawValue), \(level?.rawValue), \(name), \(abbreviation), \(creditCode),
                            \(organisation.path), '', \(self.clock.now()))
                    """)
            } catch let error as StoreError where error.reason == .uniqueViolation {
                throw HTTPError(.conflict, detail: "该统一社会信用代码已登记。", code: "duplicate", field: "creditCode")
            }
            try await AuditLog.append(context.event("organisation.create", "organisation", id, details: ["kind": input.kind.rawValue]), in: tx)
            return organisation
        }
    }

    public func updateOrganisation(id: String, _ changes: OrganisationChanges, by actor: Actor, context: AuditContext) async throws -> Organisation {
        try await store.withTransaction { tx in
            guard var organisation = try await self.organisation(id: id, in: tx) else { throw HTTPError.notFound }
            guard AccessPolicy.can(actor, .organisationManage, .organisation(path: organisation.path)) else { throw AccessDenied.error }
            var changed: [String] = []
            if let name = changes.name?.trimmingCharacters(in: .whitespacesAndNewlines) {
                guard (2...60).contains(name.count) else { throw InputValidation.invalid("名称须为 2–60 个字。", field: "name") }
                organisation.name = name
                changed.append("name")
            }
            if let abbreviation = changes.abbreviation {
                organisation.abbreviation = abbreviation.trimmingCharacters(in: .whitespaces).nilIfEmpty
                if organisation.kind == .procuratorate && organisation.abbreviation == nil {
                    throw InputValidation.invalid("检察院须填写简称（用于案号，如“宁鼓”）。", field: "abbreviation")
                }
                changed.append("abbreviation")
            }
            if let code = changes.creditCode {
                organisation.creditCode = try InputValidation.creditCode(code)
                changed.append("creditCode")
            }
            if let roles = changes.totpRoles {
                organisation.totpRoles = Set(roles)
                changed.append("totpRoles")
            }
            let totp = organisation.totpRoles.map(\.rawValue).sorted().joined(separator: ",")
            do {
                try await tx.execute(
                    """
                    UPDATE organisations SET name = \(organisation.name), abbreviation = \(organisation.abbreviation),
                    credit_code = \(organisation.creditCode), totp_roles = \(totp) WHERE id = \(id)
                    """)
            } catch let error as StoreError where error.reason == .uniqueViolation {
                throw HTTPError(.conflict, detail: "该统一社会信用代码已登记。", code: "duplicate", field: "creditCode")
            }
            try await AuditLog.append(context.event("organisation.update", "organisation", id, details: ["fields": changed.joined(separator: ",")]), in: tx)
            return organisation
        }
    }

    /// The level a new organisation gets, or the reason it cannot go there.
    static func checkPlacement(kind: OrganisationKind, level: ProcuratorateLevel?, parent: Organisation?) throws(HTTPError) -> ProcuratorateLevel? {
        switch kind {
        case .procuratorate:
            guard let parent else {
                guard level == .supreme || level == nil else { throw InputValidation.invalid("只有最高人民检察院可以没有上级单位。", field: "parentId") }
                return .supreme
            }
            guard parent.kind == .procuratorate, let expected = parent.level?.childLevel else {
                throw InputValidation.invalid("检察院的上级单位须为更高一级的检察院。", field: "parentId")
            }
            if let level, level != expected { throw InputValidation.invalid("该上级单位下只能设立\(expected.chineseName)。", field: "level") }
            return expected
        case .department, .detentionCentre, .court, .lawFirm:
            guard let parent, parent.kind == .procuratorate else {
                throw InputValidation.invalid("\(kind.chineseName)须挂在所在地区的检察院下。", field: "parentId")
            }
            return nil
        }
    }

    static func organisation(from row: Row) throws -> Organisation {
        let totp = try row.decode(column: "totp_roles", as: String.self).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return Organisation(
            id: try row.decode(column: "id"), parentID: try row.decode(column: "parent_id"),
            kind: OrganisationKind(rawValue: try row.decode(column: "kind")) ?? .procuratorate,
            level: try row.decode(column: "level", as: String?.self).flatMap(ProcuratorateLevel.init(rawValue:)),
            name: try row.decode(column: "name"), abbreviation: try row.decode(column: "abbreviation"),
            creditCode: try row.decode(column: "credit_code"), path: try row.decode(column: "path"), totpRoles: Set(totp))
    }
}

/// The one refusal every authorisation failure turns into.
enum AccessDenied {
    static let error = HTTPError(.forbidden, detail: "您没有执行此操作的权限。", code: "forbidden")
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension IdentityService {
    /// Every organisation, parents before children.
    public func organisations() async throws -> [Organisation] { try await organisations(in: nil) }

    public func organisation(id: String) async throws -> Organisation? { try await organisation(id: id, in: nil) }
}
