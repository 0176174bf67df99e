import Testing

@testable import HTTPServer

struct WebSocketCloseHandshakeTests {
    @Test func clientCloseIsEchoedWithItsCodeThenTheConnectionCloses() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame.close(code: 1001, reason: Array("bye".utf8))) == [.send(serverCloseFrame(1001)), .close])
        #expect(machine.isClosed)
        #expect(machine.closeCode == 1001)
    }

    @Test func emptyClientCloseIsAnsweredWith1000AndRecordedAs1005() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.close)) == [.send(serverCloseFrame(1000)), .close])
        #expect(machine.closeCode == 1005)
    }

    @Test func closeWithOneBytePayloadFailsWithProtocolError() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.close, [0x03])) == failure(1002))
        #expect(machine.closeCode == 1002)
    }

    @Test(arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999] as [UInt16])
    func closeWithValidCodeIsEchoed(code: UInt16) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame.close(code: code)) == [.send(serverCloseFrame(code)), .close])
    }

    @Test(arguments: [0, 999, 1004, 1005, 1006, 1012, 1013, 1014, 1015, 1016, 1100, 2000, 2999, 5000, 65535] as [UInt16])
    func closeWithInvalidCodeFailsWithProtocolError(code: UInt16) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame.close(code: code)) == failure(1002))
    }

    @Test func closeWithInvalidUTF8ReasonFailsWithInvalidPayloadData() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame.close(code: 1000, reason: [0x61, 0xC3])) == failure(1007))
        #expect(machine.receive(ClientFrame.close(code: 1000, reason: [0xED, 0xA0, 0x80])) == [])
    }

    @Test func closeWithUTF8ReasonIsAccepted() {
        var machine = WebSocketStateMachine.make()
        let reason = Array("服务器维护".utf8)
        #expect(machine.receive(ClientFrame.close(code: 4000, reason: reason)) == [.send(serverCloseFrame(4000)), .close])
    }

    @Test func serverStartedCloseEndsWhenThePeerAnswersWithoutASecondCloseFrame() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.startClose(code: 1001, reason: "going away") == [0x88, 12, 0x03, 0xE9] + Array("going away".utf8))
        #expect(!machine.isClosed)
        #expect(machine.receive(ClientFrame.close(code: 1001)) == [.close])
        #expect(machine.isClosed)
        #expect(machine.closeCode == 1001)
    }

    @Test func startCloseTwiceReturnsNilTheSecondTime() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.startClose(code: 1000, reason: "") != nil)
        #expect(machine.startClose(code: 1000, reason: "") == nil)
    }

    @Test func dataStillArrivingAfterServerStartedCloseIsDeliveredButPingsAreNotAnswered() {
        var machine = WebSocketStateMachine.make()
        _ = machine.startClose(code: 1000, reason: "")
        let actions = machine.receive(ClientFrame(.text, text: "in flight"), ClientFrame(.ping, [1]), ClientFrame.close(code: 1000))
        #expect(actions == [.deliver(.text("in flight")), .close])
    }

    @Test func protocolErrorAfterServerStartedCloseClosesWithoutAnotherCloseFrame() {
        var machine = WebSocketStateMachine.make()
        _ = machine.startClose(code: 1000, reason: "")
        #expect(machine.receive(ClientFrame(rawOpcode: 3)) == [.close])
        #expect(machine.closeCode == 1000)
    }

    @Test func dataAfterCloseIsIgnored() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame.close(code: 1000), ClientFrame(.text, text: "too late"), ClientFrame(.ping))
        #expect(actions == [.send(serverCloseFrame(1000)), .close])
        #expect(machine.receive(ClientFrame(.text, text: "later still")) == [])
    }

    @Test func nothingCanBeSentOnceClosing() {
        var machine = WebSocketStateMachine.make()
        _ = machine.startClose(code: 1000, reason: "")
        #expect(machine.encode(.text("late")) == nil)
        #expect(machine.ping([]) == nil)
    }

    @Test func nothingCanBeSentAfterTheConnectionFailed() {
        var machine = WebSocketStateMachine.make()
        _ = machine.receive(ClientFrame(.continuation))
        #expect(machine.isClosed)
        #expect(machine.encode(.binary([1])) == nil)
        #expect(machine.startClose(code: 1000, reason: "") == nil)
    }

    @Test(arguments: [0, 999, 1004, 1005, 1006, 1015, 2000, 5000] as [UInt16])
    func startCloseWithACodeThatMayNotBeSentSendsInternalErrorInstead(code: UInt16) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.startClose(code: code, reason: "") == serverCloseFrame(1011))
        #expect(machine.closeCode == 1011)
    }

    @Test func longCloseReasonIsCutOnACharacterBoundaryToFitTheControlFrame() throws {
        var machine = WebSocketStateMachine.make()
        // 50 three-byte characters: 150 bytes, more than the 123 a close frame leaves for the reason.
        let encoded = machine.startClose(code: 1000, reason: String(repeating: "检", count: 50))
        let frame = try #require(encoded)
        #expect(frame[1] == 2 + 123)
        #expect(String(decoding: frame[4...], as: UTF8.self) == String(repeating: "检", count: 41))
    }
}
