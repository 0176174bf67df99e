public import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Security
import Store

/// One dossier file as the case page lists it.
public struct CaseFileView: Sendable, Codable {
    public var id: String
    public var volume: Int
    public var position: Int
    public var title: String
    public var contentType: String
    public var byteCount: Int64
    public var sm3: String
    public var uploadedAt: Date

    static let columns = "id, volume, position, title, content_type, byte_count, sm3, uploaded_at"

    init(id: String, volume: Int, position: Int, title: String, contentType: String, byteCount: Int64, sm3: String, uploadedAt: Date) {
        self.id = id
        self.volume = volume
        self.position = position
        self.title = title
        self.contentType = contentType
        self.byteCount = byteCount
        self.sm3 = sm3
        self.uploadedAt = uploadedAt
    }

    init(row: Row) throws {
        self.init(
            id: try row.decode(column: "id"), volume: try row.decode(column: "volume"), position: try row.decode(column: "position"),
            title: try row.decode(column: "title"), contentType: try row.decode(column: "content_type"), byteCount: try row.decode(column: "byte_count"),
            sm3: try row.decode(column: "sm3"), uploadedAt: try row.decode(column: "uploaded_at"))
    }
}

extension CaseService {
    public static let maximumUploadBytes = 50 << 20

    /// Adds a scanned or electronic document to a volume of the dossier (电子卷宗), at the end of the volume.
    /// The content decides the type: a body that is not the PDF or image it claims to be is refused.
    public func upload(
        _ caseID: String, bytes: [UInt8], declaredType: String?, title: String, volume: Int, by actor: Actor, context: AuditContext
    ) async throws -> CaseFileView {
        guard !bytes.isEmpty else { throw Self.invalid("文件为空。", field: "file") }
        guard let kind = ContentSniffer.kind(of: bytes) else {
            throw HTTPError(.unsupportedMediaType, detail: "只能上传 PDF、PNG 或 JPEG 文件（按文件内容判断）。", code: "unsupported-file", field: "file")
        }
        let declared = declaredType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let declared, declared != "application/octet-stream", declared != kind.rawValue {
            throw HTTPError(
                .unsupportedMediaType, detail: "文件内容是\(kind.chineseName)，与声明的类型（\(declared)）不符。", code: "content-mismatch", field: "file")
        }
        let cleanTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(cleanTitle.count) else { throw Self.invalid("材料名称须为 1–100 个字。", field: "title") }
        guard (1...999).contains(volume) else { throw Self.invalid("卷号须为 1–999。", field: "volume") }
        let digest = SM3.hexDigest(bytes)
        // Authorise before touching the disk; the file is written before the row so a committed row always has its file.
        _ = try await store.withTransaction { tx in try await self.authorised(caseID, actor, .caseManage, in: tx) }
        try files.write(bytes, digest: digest)
        let id = Self.newID()
        return try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            let position = try await tx.queryValue(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM case_files WHERE case_id = \(caseID) AND volume = \(volume)", as: Int.self)
            let now = self.clock.now()
            try await tx.execute(
                """
                INSERT INTO case_files (id, case_id, volume, position, title, content_type, byte_count, sm3, uploaded_by, uploaded_at)
                VALUES (\(id), \(caseID), \(volume), \(position), \(cleanTitle), \(kind.rawValue), \(Int64(bytes.count)), \(digest), \(actor.userID), \(now))
                """)
            try await self.touch(caseID, in: tx)
            try await self.recordEvent(caseID, kind: "fileUploaded", actorID: actor.userID, note: cleanTitle, in: tx)
            try await AuditLog.append(context.event("case.file.upload", "caseFile", id, details: ["case": caseID, "sm3": digest]), in: tx)
            return CaseFileView(
                id: id, volume: volume, position: position, title: cleanTitle, contentType: kind.rawValue, byteCount: Int64(bytes.count), sm3: digest,
                uploadedAt: now)
        }
    }

    public func files(_ caseID: String, by actor: Actor) async throws -> [CaseFileView] {
        _ = try await store.withTransaction { tx in try await self.authorised(caseID, actor, .caseRead, in: tx) }
        return try await store.query(
            """
            SELECT id, volume, position, title, content_type, byte_count, sm3, uploaded_at FROM case_files
            WHERE case_id = \(caseID) ORDER BY volume, position
            """
        ).map {
            try CaseFileView(row: $0)
        }
    }

    /// A file's bytes for preview or download; every download is audited. The digest is checked on the way out, so a
    /// file changed on disk is never served as evidence.
    public func download(_ caseID: String, fileID: String, by actor: Actor, context: AuditContext) async throws -> (view: CaseFileView, bytes: [UInt8]) {
        let view: CaseFileView = try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseRead, in: tx)
            guard let row = try await tx.queryFirst(
                """
                SELECT id, volume, position, title, content_type, byte_count, sm3, uploaded_at FROM case_files WHERE id = \(fileID) AND case_id = \(caseID)
                """)
            else { throw HTTPError(.notFound, detail: "没有找到该卷宗材料。", code: "not-found") }
            try await AuditLog.append(context.event("case.file.download", "caseFile", fileID, details: ["case": caseID]), in: tx)
            return try CaseFileView(row: row)
        }
        let bytes = try files.read(digest: view.sm3)
        guard SM3.hexDigest(bytes) == view.sm3 else {
            throw HTTPError(.internalServerError, detail: "卷宗文件校验失败（SM3 不一致），已拒绝提供，请联系管理员。", code: "integrity-failure")
        }
        return (view, bytes)
    }

    /// Moves a file to another volume or position (later files in the target volume shift down).
    public func moveFile(_ caseID: String, fileID: String, volume: Int, position: Int, by actor: Actor, context: AuditContext) async throws -> [CaseFileView] {
        guard (1...999).contains(volume) else { throw Self.invalid("卷号须为 1–999。", field: "volume") }
        guard position >= 1 else { throw Self.invalid("页序须为正整数。", field: "position") }
        try await store.withTransaction { tx in
            _ = try await self.authorised(caseID, actor, .caseManage, in: tx)
            guard try await tx.queryFirst("SELECT id FROM case_files WHERE id = \(fileID) AND case_id = \(caseID)") != nil else {
                throw HTTPError(.notFound, detail: "没有找到该卷宗材料。", code: "not-found")
            }
            let ordered = try await tx.query(
                "SELECT id FROM case_files WHERE case_id = \(caseID) AND volume = \(volume) AND id <> \(fileID) ORDER BY position"
            ).map { try $0.decode(column: "id", as: String.self) }
            var sequence = ordered
            sequence.insert(fileID, at: min(position - 1, sequence.count))
            for (index, id) in sequence.enumerated() {
                try await tx.execute("UPDATE case_files SET volume = \(volume), position = \(index + 1) WHERE id = \(id)")
            }
            try await AuditLog.append(context.event("case.file.move", "caseFile", fileID, details: ["case": caseID]), in: tx)
        }
        return try await files(caseID, by: actor)
    }
}
