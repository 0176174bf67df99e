import Testing

@testable import HTTPServer

struct WebSocketLimitsTests {
    @Test func frameLargerThanMaxFrameSizeFailsWithMessageTooBig() {
        var machine = WebSocketStateMachine.make(maxFrameSize: 100)
        #expect(machine.receive(ClientFrame(.binary, [UInt8](repeating: 1, count: 101))) == failure(1009))
        #expect(machine.closeCode == 1009)
    }

    @Test func frameOfExactlyMaxFrameSizeIsAccepted() {
        var machine = WebSocketStateMachine.make(maxFrameSize: 100)
        #expect(machine.receive(ClientFrame(.binary, [UInt8](repeating: 1, count: 100))) == [.deliver(.binary([UInt8](repeating: 1, count: 100)))])
    }

    @Test func oversizedFrameIsRefusedFromItsHeaderAlone() {
        var machine = WebSocketStateMachine.make()
        // A header announcing 2^40 bytes, with a masking key but no payload.
        let header: [UInt8] = [0x82, 0xFF, 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4]
        #expect(machine.receive(header) == failure(1009))
    }

    @Test func fragmentedMessageLargerThanMaxMessageSizeFailsWithMessageTooBig() {
        var machine = WebSocketStateMachine.make(maxMessageSize: 10, maxFrameSize: 8)
        #expect(machine.receive(ClientFrame(.binary, [UInt8](repeating: 1, count: 8), isFinal: false)) == [])
        #expect(machine.receive(ClientFrame(.continuation, [UInt8](repeating: 1, count: 3))) == failure(1009))
    }

    @Test func fragmentedMessageOfExactlyMaxMessageSizeIsDelivered() {
        var machine = WebSocketStateMachine.make(maxMessageSize: 10, maxFrameSize: 8)
        let actions = machine.receive(ClientFrame(.text, text: "12345678", isFinal: false), ClientFrame(.continuation, text: "90"))
        #expect(actions == [.deliver(.text("1234567890"))])
    }

    @Test func controlFramesDoNotCountTowardsTheMessageSize() {
        var machine = WebSocketStateMachine.make(maxMessageSize: 4)
        let actions = machine.receive(
            ClientFrame(.binary, [1, 2], isFinal: false), ClientFrame(.ping, [UInt8](repeating: 0, count: 100)), ClientFrame(.continuation, [3, 4]))
        #expect(actions == [.send([0x8A, 100] + [UInt8](repeating: 0, count: 100)), .deliver(.binary([1, 2, 3, 4]))])
    }
}

struct WebSocketMemoryTests {
    @Test func frameHeaderAloneReservesAtMostTheInitialLimit() {
        var machine = WebSocketStateMachine.make()
        // A header announcing a 1 MiB binary frame (within the limits), with no payload yet.
        let header: [UInt8] = [0x82, 0xFF, 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4]
        #expect(machine.receive(header) == [])
        #expect(machine.messageBuffer.capacity < 2 * WebSocketStateMachine.initialReservationLimit)
    }

    @Test func largeTextMessageDoesNotPinItsBufferAfterDelivery() {
        var machine = WebSocketStateMachine.make()
        let text = String(repeating: "a", count: 200_000)
        #expect(machine.receive(ClientFrame(.text, text: text)) == [.deliver(.text(text))])
        #expect(machine.messageBuffer.capacity <= WebSocketStateMachine.retainedBufferCapacity)
    }
}
