import Testing

@testable import HTTPServer

struct WebSocketTextValidationTests {
    static let invalidSequences: [[UInt8]] = [
        [0x80],  // stray continuation byte
        [0xC0, 0x80],  // overlong NUL
        [0xC1, 0xBF],  // overlong two-byte form
        [0xE0, 0x80, 0x80],  // overlong three-byte form
        [0xE0, 0x9F, 0xBF],
        [0xF0, 0x8F, 0xBF, 0xBF],  // overlong four-byte form
        [0xED, 0xA0, 0x80],  // U+D800, a surrogate
        [0xED, 0xBF, 0xBF],  // U+DFFF
        [0xF4, 0x90, 0x80, 0x80],  // U+110000
        [0xF5, 0x80, 0x80, 0x80],
        [0xFE], [0xFF],
        [0xC3, 0x41],  // lead byte followed by ASCII
        [0xE4, 0xB8],  // truncated at the end
        [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x80],  // bad byte after a whole ASCII word
    ]

    static let validSequences: [[UInt8]] = [
        [], Array("plain ASCII text that is longer than one word".utf8),
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], Array("κόσμε 检察院 🙂".utf8),
    ]

    @Test(arguments: invalidSequences)
    func validatorRejectsInvalidUTF8(bytes: [UInt8]) {
        var validator = WebSocketUTF8Validator()
        let accepted = bytes.withUnsafeBufferPointer { validator.consume($0) } && validator.isAtCharacterBoundary
        #expect(!accepted)
    }

    @Test(arguments: validSequences)
    func validatorAcceptsValidUTF8SplitAtEveryByte(bytes: [UInt8]) {
        for split in 0...bytes.count {
            var validator = WebSocketUTF8Validator()
            let first = Array(bytes[..<split]).withUnsafeBufferPointer { validator.consume($0) }
            let second = Array(bytes[split...]).withUnsafeBufferPointer { validator.consume($0) }
            #expect(first && second && validator.isAtCharacterBoundary, "split at \(split)")
        }
    }

    @Test func validatorAgreesWithTheStandardLibraryOnEveryTwoByteInput() {
        for high in 0...255 {
            for low in 0...255 {
                let bytes = [UInt8(high), UInt8(low)]
                var validator = WebSocketUTF8Validator()
                let accepted = bytes.withUnsafeBufferPointer { validator.consume($0) } && validator.isAtCharacterBoundary
                #expect(accepted == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            }
        }
    }

    @Test(arguments: invalidSequences)
    func textMessageWithInvalidUTF8FailsWithInvalidPayloadData(bytes: [UInt8]) {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.text, bytes)) == failure(1007))
    }

    @Test func binaryMessageIsNotCheckedForUTF8() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.binary, [0xFF, 0xC0])) == [.deliver(.binary([0xFF, 0xC0]))])
    }

    @Test func characterSplitAcrossFragmentsIsAccepted() {
        let bytes = Array("检".utf8)
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(
            ClientFrame(.text, [bytes[0]], isFinal: false), ClientFrame(.continuation, [bytes[1]], isFinal: false),
            ClientFrame(.continuation, [bytes[2]]))
        #expect(actions == [.deliver(.text("检"))])
    }

    @Test func invalidTextFailsBeforeTheMessageIsComplete() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.receive(ClientFrame(.text, [0x61, 0xFF], isFinal: false)) == failure(1007))
    }

    @Test func textEndingInsideACharacterFailsWithInvalidPayloadData() {
        var machine = WebSocketStateMachine.make()
        let actions = machine.receive(ClientFrame(.text, [0x61, 0xE6], isFinal: false), ClientFrame(.continuation, [0xA3]))
        #expect(actions == failure(1007))
    }
}
