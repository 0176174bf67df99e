import Documents
import Evidence
import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Security
import Store

extension RemoteSessionService {
    static let maximumSignatureBytes = 512 * 1024

    /// The transcript laid out as the signed PDF will be, with the signatures collected for its latest version.
    public func transcriptPages(_ sessionID: String, by actor: Actor) async throws -> TranscriptPages {
        let view = try await session(sessionID, by: actor)
        let transcript = try await transcript(sessionID, by: actor)
        let rendering = try await document(view, transcript: transcript, signatures: TranscriptPDF.Signatures()).render()
        let signed = try await signatures(sessionID, version: transcript.version)
        let sealed = try await store.queryFirst("SELECT sm3, created_at FROM session_documents WHERE session_id = \(sessionID)")
        return TranscriptPages(
            version: transcript.version, pages: rendering.pageTexts, signedPages: signed.suspectPages.keys.sorted(), fingerprint: signed.fingerprint != nil,
            interrogator: signed.interrogator != nil, recorder: signed.recorder != nil,
            sealedDocument: try sealed.map { .init(sm3: try $0.decode(column: "sm3"), createdAt: try $0.decode(column: "created_at")) })
    }

    /// Adds a signature. When the last one is in, the signed PDF is rendered, sealed and kept, and the session
    /// becomes sealed.
    public func sign(_ sessionID: String, _ input: SignatureInput, by actor: Actor, context: AuditContext) async throws -> TranscriptPages {
        guard let png = Data(base64Encoded: input.pngBase64).map([UInt8].init), png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw Self.invalid("签名须为 PNG 图片（Base64）。", field: "pngBase64")
        }
        guard png.count <= Self.maximumSignatureBytes else { throw Self.invalid("签名图片不能超过 512 KB。", field: "pngBase64") }
        let view = try await session(sessionID, by: actor)
        guard view.state == .ended || view.state == .transcriptSigned else {
            throw HTTPError(.conflict, detail: "讯问结束后才能签名（当前为“\(view.stateName)”）。", code: "wrong-state")
        }
        let pages = try await transcriptPages(sessionID, by: actor)
        guard pages.version > 0, input.version == pages.version else {
            throw HTTPError(.conflict, detail: "笔录已更新为第 \(pages.version) 版，请重新阅读后签名。", code: "stale-version", field: "version")
        }
        let page = input.kind == .suspectPage ? (input.page ?? 0) : 0
        if input.kind == .suspectPage, !(1...pages.pages.count).contains(page) {
            throw Self.invalid("页码须在 1–\(pages.pages.count) 之间。", field: "page")
        }
        try await store.withTransaction { tx in
            let sides = try await self.sides(of: view, actor: actor, in: tx)
            guard input.kind.byHost ? sides.host : sides.booker else {
                throw HTTPError(.forbidden, detail: "“\(input.kind.chineseName)”须由\(input.kind.byHost ? "看守所终端" : "办案人员")完成。", code: "forbidden")
            }
            try await tx.execute(
                "DELETE FROM transcript_signatures WHERE session_id = \(sessionID) AND transcript_version = \(input.version) AND kind = \(input.kind.rawValue) AND page = \(page)")
            try await tx.execute(
                """
                INSERT INTO transcript_signatures (session_id, transcript_version, kind, page, png, signed_by, signed_at)
                VALUES (\(sessionID), \(input.version), \(input.kind.rawValue), \(page), \(png), \(actor.userID), \(self.clock.now()))
                """)
            try await AuditLog.append(
                context.event("session.transcript.sign", "remoteSession", sessionID, details: ["kind": input.kind.rawValue, "page": String(page)]), in: tx)
        }
        let after = try await transcriptPages(sessionID, by: actor)
        let complete = after.signedPages.count == after.pages.count && after.fingerprint && after.interrogator
        if complete && after.sealedDocument == nil {
            try await seal(view, version: after.version, by: actor, context: context)
            return try await transcriptPages(sessionID, by: actor)
        }
        return after
    }

    /// The sealed transcript PDF, or the unsigned draft before that.
    public func transcriptPDF(_ sessionID: String, by actor: Actor, context: AuditContext) async throws -> [UInt8] {
        let view = try await session(sessionID, by: actor)
        if let row = try await store.queryFirst("SELECT file FROM session_documents WHERE session_id = \(sessionID)"), let recordings {
            let file = recordings.documentsDirectory.appending(path: try row.decode(column: "file", as: String.self))
            guard SealedFiles.verify(file, publicKey: recordings.keys.publicKey).valid else {
                throw HTTPError(.internalServerError, detail: "笔录文件校验失败（与签章不符），已拒绝提供，请联系管理员。", code: "integrity-failure")
            }
            try await store.withTransaction { tx in
                try await AuditLog.append(context.event("session.transcript.download", "remoteSession", sessionID), in: tx)
            }
            return [UInt8](try Data(contentsOf: file))
        }
        return try await document(view, transcript: try await transcript(sessionID, by: actor), signatures: TranscriptPDF.Signatures()).render().pdf
    }

    private func seal(_ view: RemoteSessionView, version: Int, by actor: Actor, context: AuditContext) async throws {
        guard let recordings else { return }
        let transcript = try await transcript(view.id, version: version, by: actor)
        var signatures = try await signatures(view.id, version: version)
        signatures.signedOn = DayTextChinese.format(clock.now())
        let pdf = try await document(view, transcript: transcript, signatures: signatures).render().pdf
        try FileManager.default.createDirectory(at: recordings.documentsDirectory, withIntermediateDirectories: true)
        let name = "\(view.id)-transcript-v\(version).pdf"
        let file = recordings.documentsDirectory.appending(path: name)
        try Data(pdf).write(to: file, options: .atomic)
        let seal = try SealedFiles.seal(file, with: recordings.keys.sealer)
        let sealText = String(decoding: try JSONEncoder().encode(seal), as: UTF8.self)
        try await store.withTransaction { tx in
            try await tx.execute(
                """
                INSERT INTO session_documents (session_id, file, transcript_version, sm3, seal, created_at)
                VALUES (\(view.id), \(name), \(version), \(seal.digestHex), \(sealText), \(self.clock.now()))
                """)
            try await tx.execute("UPDATE remote_sessions SET state = 'sealed', updated_at = \(self.clock.now()) WHERE id = \(view.id)")
            try await self.recordEvent(view.id, kind: "sealed", actorID: actor.userID, note: "SM3 \(seal.digestHex.prefix(16))…", in: tx)
            try await AuditLog.append(context.event("session.transcript.seal", "remoteSession", view.id, details: ["sm3": seal.digestHex]), in: tx)
        }
    }

    private func signatures(_ sessionID: String, version: Int) async throws -> TranscriptPDF.Signatures {
        var result = TranscriptPDF.Signatures()
        for row in try await store.query(
            "SELECT kind, page, png FROM transcript_signatures WHERE session_id = \(sessionID) AND transcript_version = \(version)")
        {
            let png: [UInt8] = try row.decode(column: "png")
            switch SignatureKind(rawValue: try row.decode(column: "kind")) {
            case .suspectPage?: result.suspectPages[try row.decode(column: "page", as: Int.self)] = png
            case .fingerprint?: result.fingerprint = png
            case .interrogator?: result.interrogator = png
            case .recorder?: result.recorder = png
            case nil: break
            }
        }
        return result
    }

    private func document(_ view: RemoteSessionView, transcript: Transcript, signatures: TranscriptPDF.Signatures) async throws -> TranscriptDocument {
        let start = Self.local(view.startsAt)
        let end = Self.local(view.endsAt)
        let day = start.day.split(separator: "-").compactMap { Int($0) }
        let time = "\(day[0])年\(day[1])月\(day[2])日\(start.minutes / 60)时\(String(format: "%02d", start.minutes % 60))分至\(end.minutes / 60)时\(String(format: "%02d", end.minutes % 60))分"
        let others = view.participants.map(\.displayName)
        let header = TranscriptPDF.Header(
            caseNumber: view.caseNumber, time: time, place: "\(view.room.detentionCentreName)\(view.room.name)（远程视频讯问）",
            interrogators: ([view.prosecutorName] + others.prefix(1)).joined(separator: "、"), recorder: others.last ?? view.prosecutorName,
            suspect: view.suspectName)
        let turns = transcript.turns.map { turn -> (speaker: TranscriptPDF.Speaker, text: String) in
            (turn.speaker == .question ? .question : turn.speaker == .answer ? .answer : .note, turn.text)
        }
        return TranscriptDocument(pdf: TranscriptPDF(header: header, turns: turns), signatures: signatures)
    }
}

/// A transcript with the signatures it is rendered with.
struct TranscriptDocument {
    var pdf: TranscriptPDF
    var signatures: TranscriptPDF.Signatures

    func render() throws -> PagedDocument.Rendering { try pdf.render(signatures) }
}

/// 2026年12月4日 in Asia/Shanghai.
enum DayTextChinese {
    static func format(_ date: Date) -> String {
        let day = RemoteSessionService.local(date).day.split(separator: "-").compactMap { Int($0) }
        return "\(day[0])年\(day[1])月\(day[2])日"
    }
}
