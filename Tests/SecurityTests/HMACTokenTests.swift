import Foundation
import Security
import Testing

struct HMACTokenTests {
    @Test func coreTokenHasJanusExactFormat() throws {
        let token = try HMACToken.mint(secret: "janussecret", expiry: 1_796_303_989, realm: "janus", items: ["janus.plugin.videoroom"])
        // Expected signature computed independently (Python hmac/hashlib/base64).
        #expect(token == "1796303989,janus,janus.plugin.videoroom:qur4n9ftLCuYOyo98g7p5y/EBX0=")
    }

    @Test func roomTokenHasJanusExactFormat() throws {
        let token = try HMACToken.mint(secret: "janussecret", expiry: 1_796_303_989, realm: "janus.plugin.videoroom", items: ["room=1234"])
        #expect(token == "1796303989,janus.plugin.videoroom,room=1234:NNybEAwDmjqxfFshap64QVkV2ZQ=")
    }

    @Test func verifyReturnsTheClaimsOfAValidToken() throws {
        let token = try HMACToken.mint(secret: "s", expiry: 2000, realm: "janus", items: ["janus.plugin.videoroom", "janus.plugin.echotest"])
        let claims = try HMACToken.verify(token, secret: "s", realm: "janus", now: 1000)
        #expect(claims.expiry == 2000)
        #expect(claims.items == ["janus.plugin.videoroom", "janus.plugin.echotest"])
    }

    @Test func verifyRefusesWrongSecretEditedDataExpiryAndOtherRealm() throws {
        let token = try HMACToken.mint(secret: "s", expiry: 2000, realm: "janus", items: ["janus.plugin.videoroom"])
        #expect(throws: SecurityError.signatureInvalid) { try HMACToken.verify(token, secret: "t", realm: "janus", now: 1000) }
        let edited = token.replacingOccurrences(of: "2000,", with: "9999,")
        #expect(throws: SecurityError.signatureInvalid) { try HMACToken.verify(edited, secret: "s", realm: "janus", now: 1000) }
        #expect(throws: SecurityError.tokenExpired) { try HMACToken.verify(token, secret: "s", realm: "janus", now: 2001) }
        #expect(throws: SecurityError.tokenMalformed) { try HMACToken.verify(token, secret: "s", realm: "janus.plugin.videoroom", now: 1000) }
        #expect(throws: SecurityError.tokenMalformed) { try HMACToken.verify("no-colon", secret: "s", realm: "janus", now: 1000) }
    }

    @Test(arguments: ["", "a,b", "a:b"])
    func mintRefusesFieldsThatWouldChangeHowJanusSplitsTheToken(item: String) {
        #expect(throws: SecurityError.invalidParameter) { try HMACToken.mint(secret: "s", expiry: 1, realm: "janus", items: [item]) }
    }
}
