import Testing

@testable import HTTPServer

struct WebSocketSendingTests {
    @Test func shortTextIsOneUnmaskedFinalFrame() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.encode(.text("Hi")) == [0x81, 0x02, 0x48, 0x69])
    }

    @Test func emptyBinaryIsAHeaderOnly() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.encode(.binary([])) == [0x82, 0x00])
    }

    @Test(arguments: [126, 1000, 65535])
    func payloadOf126To65535BytesUsesThe16BitLength(length: Int) throws {
        var machine = WebSocketStateMachine.make()
        let payload = [UInt8](repeating: 0x5A, count: length)
        let encoded = machine.encode(.binary(payload))
        let frame = try #require(encoded)
        #expect(Array(frame[..<4]) == [0x82, 126, UInt8(length >> 8), UInt8(length & 0xFF)])
        #expect(Array(frame[4...]) == payload)
    }

    @Test(arguments: [65536, 1 << 20])
    func payloadOver65535BytesUsesThe64BitLength(length: Int) throws {
        var machine = WebSocketStateMachine.make()
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
        let encoded = machine.encode(.binary(payload))
        let frame = try #require(encoded)
        let expectedLength = (0..<8).reversed().map { UInt8(truncatingIfNeeded: length >> ($0 * 8)) }
        #expect(Array(frame[..<10]) == [0x82, 127] + expectedLength)
        #expect(Array(frame[10...]) == payload)
    }

    @Test func pingFrameCarriesItsPayload() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.ping([1, 2, 3]) == [0x89, 0x03, 1, 2, 3])
    }

    @Test func textUsesUTF8Bytes() {
        var machine = WebSocketStateMachine.make()
        #expect(machine.encode(.text("检")) == [0x81, 0x03, 0xE6, 0xA3, 0x80])
    }
}
