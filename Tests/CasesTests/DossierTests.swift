import Cases
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Security
import Store
import StoreTestSupport
import Testing

/// The electronic dossier: types decided by content, SM3 kept, downloads audited, order kept per volume.
struct DossierTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    @Test(arguments: TestEngine.available)
    func uploadKeepsTheDigestAndADownloadIsAudited(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase().summary.id
            let prosecutor = try await fixture.actor("prosecutor")
            let context = fixture.context(prosecutor)
            let stored = try await fixture.cases.upload(
                id, bytes: Self.pdf, declaredType: "application/pdf", title: "起诉意见书", volume: 1, by: prosecutor, context: context)
            #expect(stored.sm3 == SM3.hexDigest(Self.pdf))
            #expect(stored.position == 1)
            let second = try await fixture.cases.upload(id, bytes: Self.png, declaredType: "image/png", title: "现场照片", volume: 1, by: prosecutor, context: context)
            #expect(second.position == 2)
            let (view, bytes) = try await fixture.cases.download(id, fileID: stored.id, by: prosecutor, context: context)
            #expect(bytes == Self.pdf)
            #expect(view.title == "起诉意见书")
            let last = try await fixture.identity.store.queryValue("SELECT action FROM audit_events ORDER BY sequence DESC LIMIT 1", as: String.self)
            #expect(last == "case.file.download")
            let moved = try await fixture.cases.moveFile(id, fileID: second.id, volume: 1, position: 1, by: prosecutor, context: context)
            #expect(moved.map(\.title) == ["现场照片", "起诉意见书"])
        }
    }

    @Test(arguments: TestEngine.available)
    func anUploadThatIsNotWhatItClaimsIsRefused(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase().summary.id
            let prosecutor = try await fixture.actor("prosecutor")
            let context = fixture.context(prosecutor)
            let before = try await fixture.counts()
            let mismatch = await #expect(throws: HTTPError.self) {
                _ = try await fixture.cases.upload(id, bytes: Self.png, declaredType: "application/pdf", title: "伪装文件", volume: 1, by: prosecutor, context: context)
            }
            #expect(mismatch?.code == "content-mismatch")
            let script = await #expect(throws: HTTPError.self) {
                _ = try await fixture.cases.upload(
                    id, bytes: Array("<script>alert(1)</script>".utf8), declaredType: "application/pdf", title: "脚本", volume: 1, by: prosecutor,
                    context: context)
            }
            #expect(script?.code == "unsupported-file")
            #expect(script?.status == .unsupportedMediaType)
            #expect(try await fixture.counts() == before)
        }
    }

    @Test(arguments: TestEngine.available)
    func aFileChangedOnDiskIsNotServed(engine: TestEngine) async throws {
        try await CaseFixture.run(engine) { fixture in
            let id = try await fixture.theftCase().summary.id
            let prosecutor = try await fixture.actor("prosecutor")
            let context = fixture.context(prosecutor)
            let stored = try await fixture.cases.upload(id, bytes: Self.pdf, declaredType: nil, title: "讯问笔录", volume: 2, by: prosecutor, context: context)
            let path = fixture.files.appending(path: String(stored.sm3.prefix(2))).appending(path: stored.sm3)
            try Data("%PDF-1.4 tampered".utf8).write(to: path)
            let refused = await #expect(throws: HTTPError.self) { _ = try await fixture.cases.download(id, fileID: stored.id, by: prosecutor, context: context) }
            #expect(refused?.code == "integrity-failure")
        }
    }
}
