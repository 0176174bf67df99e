import Evidence
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import RemoteSessions
import Security
import Store
import StoreTestSupport
import Testing

/// The transcript is signed page by page on the terminal, then by the interrogator; the last signature seals the PDF.
struct SigningTests {
    /// A 1×1 PNG (the signature pad's output scales into its box).
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x60,
        0x60, 0xF8, 0x0F, 0x00, 0x01, 0x04, 0x01, 0x00, 0x5F, 0xE5, 0xC3, 0x4B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]).base64EncodedString()

    @Test(arguments: TestEngine.available)
    func theLastSignatureSealsAPDFThatVerifies(engine: TestEngine) async throws {
        try await SessionFixture.run(engine) { fixture in
            let prosecutor = try await fixture.actor("prosecutor")
            let officer = try await fixture.actor("officer")
            let id = try await fixture.sessions.book(fixture.booking(from: 9, to: 10), by: prosecutor, context: fixture.context(prosecutor)).id
            for (action, actor) in [(SessionAction.confirm, officer), (.admit, officer), (.start, prosecutor)] {
                _ = try await fixture.sessions.act(id, action, reason: nil, by: actor, context: fixture.context(actor))
            }
            var turns: [Transcript.Turn] = []
            for index in 1...30 {
                turns.append(.init(speaker: .question, text: "第\(index)问：案发当天你在做什么？请如实陈述，不得隐瞒。"))
                turns.append(.init(speaker: .answer, text: "我在超市拿了别人的手机，价值三千多元，后来主动交代了。"))
            }
            _ = try await fixture.sessions.saveTranscript(id, TranscriptSave(baseVersion: 0, turns: turns), by: prosecutor, context: fixture.context(prosecutor))
            let tooEarly = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.sign(id, SignatureInput(kind: .fingerprint, page: nil, version: 1, pngBase64: Self.png), by: officer, context: fixture.context(officer))
            }
            #expect(tooEarly?.code == "wrong-state")
            _ = try await fixture.sessions.act(id, .end, reason: nil, by: prosecutor, context: fixture.context(prosecutor))

            let pages = try await fixture.sessions.transcriptPages(id, by: officer)
            #expect(pages.pages.count >= 2)
            #expect(pages.pages.first?.contains("讯 问 笔 录") == true)
            let wrongSide = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.sign(id, SignatureInput(kind: .suspectPage, page: 1, version: 1, pngBase64: Self.png), by: prosecutor, context: fixture.context(prosecutor))
            }
            #expect(wrongSide?.status == .forbidden)
            let stale = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.sign(id, SignatureInput(kind: .suspectPage, page: 1, version: 0, pngBase64: Self.png), by: officer, context: fixture.context(officer))
            }
            #expect(stale?.code == "stale-version")
            let notPNG = await #expect(throws: HTTPError.self) {
                _ = try await fixture.sessions.sign(id, SignatureInput(kind: .fingerprint, page: nil, version: 1, pngBase64: "aGVsbG8="), by: officer, context: fixture.context(officer))
            }
            #expect(notPNG?.field == "pngBase64")

            for page in 1...pages.pages.count {
                _ = try await fixture.sessions.sign(id, SignatureInput(kind: .suspectPage, page: page, version: 1, pngBase64: Self.png), by: officer, context: fixture.context(officer))
            }
            _ = try await fixture.sessions.sign(id, SignatureInput(kind: .fingerprint, page: nil, version: 1, pngBase64: Self.png), by: officer, context: fixture.context(officer))
            #expect(try await fixture.sessions.session(id, by: prosecutor).state == .ended, "not sealed before the interrogator signs")
            let done = try await fixture.sessions.sign(
                id, SignatureInput(kind: .interrogator, page: nil, version: 1, pngBase64: Self.png), by: prosecutor, context: fixture.context(prosecutor))
            let sealed = try #require(done.sealedDocument)
            #expect(try await fixture.sessions.session(id, by: prosecutor).state == .sealed)

            let pdf = try await fixture.sessions.transcriptPDF(id, by: prosecutor, context: fixture.context(prosecutor))
            #expect(SM3.hexDigest(pdf) == sealed.sm3)
            let documents = try FileManager.default.contentsOfDirectory(atPath: fixture.filesDirectory.appending(path: "documents").path)
            let stored = fixture.filesDirectory.appending(path: "documents").appending(path: try #require(documents.first { $0.hasSuffix(".pdf") }))
            #expect(SealedFiles.verify(stored, publicKey: fixture.keys.publicKey).valid)
        }
    }
}
