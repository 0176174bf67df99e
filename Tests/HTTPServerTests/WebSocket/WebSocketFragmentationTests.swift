import Testing

@testable import HTTPServer

struct WebSocketFragmentationTests {
    @Test func fragmentedTextIsDeliveredOnceWhenTheFinalFrameArrives() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.text, text: "Hel", isFinal: false)) == [])
        #expect(machine.receive(ClientFrame(.continuation, text: "lo, ", isFinal: false)) == [])
        #expect(machine.receive(ClientFrame(.continuation, text: "检务")) == [.deliver(.text("Hello, 检务"))])
    }

    @Test func fragmentedBinaryIsReassembledInOrder() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(
            ClientFrame(.binary, [1, 2], isFinal: false), ClientFrame(.continuation, [], isFinal: false), ClientFrame(.continuation, [3]))
        #expect(actions == [.deliver(.binary([1, 2, 3]))])
    }

    @Test func controlFramesBetweenFragmentsAreHandledWithoutBreakingTheMessage() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(
            ClientFrame(.text, text: "frag", isFinal: false), ClientFrame(.ping, [9]), ClientFrame(.pong, [1]),
            ClientFrame(.continuation, text: "mented"))
        #expect(actions == [.send([0x8A, 0x01, 9]), .deliver(.text("fragmented"))])
    }

    @Test func closeBetweenFragmentsClosesWithoutDeliveringThePartialMessage() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame(.binary, [1], isFinal: false), ClientFrame.close(code: 1000))
        #expect(actions == [.send(serverCloseFrame(1000)), .close])
    }

    @Test func continuationWithoutAStartedMessageFailsWithProtocolError() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.continuation, text: "orphan")) == failure(1002))
    }

    @Test func continuationAfterAFinishedMessageFailsWithProtocolError() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame(.text, text: "done"), ClientFrame(.continuation, text: "more"))
        #expect(actions == [.deliver(.text("done"))] + failure(1002))
    }

    @Test(arguments: [WebSocketOpcode.text, .binary])
    func newDataFrameWhileAMessageIsOpenFailsWithProtocolError(opcode: WebSocketOpcode) {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame(.text, text: "open", isFinal: false), ClientFrame(opcode, [1]))
        #expect(actions == failure(1002))
    }

    @Test func messagesAfterAFragmentedOneStartCleanly() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(
            ClientFrame(.binary, [1], isFinal: false), ClientFrame(.continuation, [2]), ClientFrame(.text, text: "next"))
        #expect(actions == [.deliver(.binary([1, 2])), .deliver(.text("next"))])
    }
}
