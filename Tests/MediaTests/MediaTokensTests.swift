import Foundation
import Media
import Security
import Testing

/// Tokens in Janus's signed format and the configuration jianwu writes for it.
struct MediaTokensTests {
    static func settings() throws -> JanusSettings {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-media-\(UUID().uuidString)")
        return try JanusSettings.forDataDirectory(directory, externalURL: nil)
    }

    @Test func grantHoldsACoreTokenAndARoomTokenThatExpireWithTheWindow() throws {
        let settings = try Self.settings()
        let expires = Date(timeIntervalSince1970: 1_796_300_000)
        let grant = try MediaTokens(settings: settings).grant(room: 4242, display: "张伟", expiresAt: expires)
        let core = try HMACToken.verify(grant.token, secret: settings.tokenSecret, realm: "janus", now: 1_796_299_999)
        #expect(core.items == ["janus.plugin.videoroom"])
        #expect(core.expiry == 1_796_300_000)
        let room = try HMACToken.verify(grant.roomToken, secret: settings.tokenSecret, realm: "janus.plugin.videoroom", now: 1_796_299_999)
        #expect(room.items == ["room=4242"])
        #expect(throws: (any Error).self) { try HMACToken.verify(grant.token, secret: settings.tokenSecret, realm: "janus", now: 1_796_300_001) }
        #expect(grant.server == "/janus")
    }

    @Test func secretsAreCreatedOnceAndKeptPrivate() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-media-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try JanusSettings.forDataDirectory(directory, externalURL: nil)
        let second = try JanusSettings.forDataDirectory(directory, externalURL: nil)
        #expect(first.tokenSecret == second.tokenSecret)
        #expect(first.tokenSecret != first.adminSecret)
        let mode = try FileManager.default.attributesOfItem(atPath: directory.appending(path: "janus/secrets").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(first.supervise)
        let external = try JanusSettings.forDataDirectory(directory, externalURL: URL(string: "http://10.0.0.5:8088/janus"))
        #expect(!external.supervise)
    }

    @Test func roomSecretsDifferPerRoomAndStayStable() throws {
        let tokens = MediaTokens(settings: try Self.settings())
        #expect(tokens.roomSecret(1) == tokens.roomSecret(1))
        #expect(tokens.roomSecret(1) != tokens.roomSecret(2))
    }
}
