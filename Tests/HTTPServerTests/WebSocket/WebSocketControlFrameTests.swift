import Testing

@testable import HTTPServer

struct WebSocketControlFrameTests {
    @Test func pingIsAnsweredWithPongCarryingTheSamePayload() {
        var machine = WebSocketStateMachine.make()
        let payload = Array("are you there?".utf8)
        #expect(machine.receive(ClientFrame(.ping, payload)) == [.send([0x8A, UInt8(payload.count)] + payload)])
    }

    @Test func pingWithEmptyPayloadIsAnsweredWithEmptyPong() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.ping)) == [.send([0x8A, 0x00])])
    }

    @Test func pingWith125BytePayloadIsAnswered() {
        var machine = WebSocketStateMachine.make()
        let payload = [UInt8](repeating: 0xAB, count: 125)
        #expect(machine.receive(ClientFrame(.ping, payload)) == [.send([0x8A, 125] + payload)])
    }

    @Test func unsolicitedPongIsIgnored() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.pong, [1, 2, 3])) == [])
        #expect(!machine.isClosed)
    }

    @Test(arguments: [WebSocketOpcode.ping, .pong, .close])
    func controlFrameLongerThan125BytesFailsWithProtocolError(opcode: WebSocketOpcode) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(opcode, [UInt8](repeating: 0x30, count: 126))) == failure(1002))
    }

    @Test(arguments: [WebSocketOpcode.ping, .pong, .close])
    func fragmentedControlFrameFailsWithProtocolError(opcode: WebSocketOpcode) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(opcode, [3, 232], isFinal: false)) == failure(1002))
    }

    @Test func pingSplitAcrossReadsIsAnsweredOnce() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame(.ping, [1, 2, 3, 4, 5, 6]).bytes, inPiecesOf: 1)
        #expect(actions == [.send([0x8A, 6, 1, 2, 3, 4, 5, 6])])
    }
}
