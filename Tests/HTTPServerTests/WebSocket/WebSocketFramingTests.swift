import Testing

@testable import HTTPServer

struct WebSocketFramingTests {
    @Test func maskedTextFrameIsDeliveredAsText() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.text, text: "你好, world")) == [.deliver(.text("你好, world"))])
        #expect(!machine.isClosed)
    }

    @Test func maskedBinaryFrameIsDeliveredAsBinary() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.binary, [0, 1, 2, 255])) == [.deliver(.binary([0, 1, 2, 255]))])
    }

    @Test func emptyTextFrameIsDeliveredAsEmptyText() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.text)) == [.deliver(.text(""))])
    }

    @Test func unmaskedClientFrameFailsWithProtocolError() {
        var frame = ClientFrame(.text, text: "hi")
        frame.isMasked = false
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(frame) == failure(1002))
        #expect(machine.isClosed)
        #expect(machine.closeCode == 1002)
    }

    @Test(arguments: [1, 2, 4, 7] as [UInt8])
    func rsvBitsWithoutExtensionFailWithProtocolError(rsv: UInt8) {
        var frame = ClientFrame(.binary, [1])
        frame.rsvBits = rsv
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(frame) == failure(1002))
    }

    @Test(arguments: [3, 4, 5, 6, 7, 11, 12, 13, 14, 15] as [UInt8])
    func unknownOpcodeFailsWithProtocolError(opcode: UInt8) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(rawOpcode: opcode, [1, 2])) == failure(1002))
    }

    @Test(arguments: [125, 126, 1000, 65535, 65536, 70000])
    func payloadLengthsUseTheRightEncodingAndRoundTrip(length: Int) {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.binary, payload)) == [.deliver(.binary(payload))])
    }

    @Test func sixteenBitLengthForShortPayloadFailsAsNonMinimal() {
        var frame = ClientFrame(.binary, [UInt8](repeating: 7, count: 125))
        frame.lengthEncoding = .forced16Bit
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(frame) == failure(1002))
    }

    @Test func sixtyFourBitLengthFor16BitPayloadFailsAsNonMinimal() {
        var frame = ClientFrame(.binary, [UInt8](repeating: 7, count: 65535))
        frame.lengthEncoding = .forced64Bit
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(frame) == failure(1002))
    }

    @Test func sixtyFourBitLengthWithTopBitSetFailsWithProtocolError() {
        var machine = WebSocketStateMachine.make()
        let header: [UInt8] = [0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0]
        #expect(machine.receive(header) == failure(1002))
    }

    @Test(arguments: [1, 2, 3, 5, 13])
    func framesSplitAtAnyByteAreReassembled(pieceSize: Int) {
        let frames = [
            ClientFrame(.text, text: "первый 第一"), ClientFrame(.binary, [UInt8](repeating: 9, count: 300)), ClientFrame(.ping, [4, 2]),
            ClientFrame(.binary, (0..<70000).map { UInt8(truncatingIfNeeded: $0) }),
        ]
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(frames.flatMap(\.bytes), inPiecesOf: pieceSize)
        #expect(
            actions == [
                .deliver(.text("первый 第一")), .deliver(.binary([UInt8](repeating: 9, count: 300))), .send([0x8A, 0x02, 4, 2]),
                .deliver(.binary((0..<70000).map { UInt8(truncatingIfNeeded: $0) })),
            ])
    }

    @Test func severalFramesInOneReadAreAllHandled() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame(.text, text: "a"), ClientFrame(.text, text: "b"), ClientFrame(.binary, [1]))
        #expect(actions == [.deliver(.text("a")), .deliver(.text("b")), .deliver(.binary([1]))])
    }

    @Test func unmaskedFrameFailsAsSoonAsItsFirstTwoBytesArrive() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive([0x82]) == [])
        #expect(machine.receive([0x7E]) == failure(1002))
    }

    @Test func framesAfterAProtocolErrorInTheSameReadAreIgnored() {
        var bad = ClientFrame(.text, text: "x")
        bad.isMasked = false
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(bad, ClientFrame(.text, text: "later")) == failure(1002))
        #expect(machine.receive(ClientFrame(.text, text: "even later")) == [])
    }

    @Test func maskingKeyPhaseIsKeptAcrossSplitPayloads() {
        var frame = ClientFrame(.binary, (0..<37).map { UInt8($0) })
        frame.maskingKey = [0x01, 0x80, 0xFE, 0x7F]
        for split in 1..<frame.bytes.count {
            var machine = WebSocketStateMachine.make()
            let actions = machine.receive(Array(frame.bytes[..<split])) + machine.receive(Array(frame.bytes[split...]))
            #expect(actions == [.deliver(.binary((0..<37).map { UInt8($0) }))], "split at \(split)")
        }
    }
}
