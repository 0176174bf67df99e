/// Applies (or removes: XOR is its own inverse) a client masking key (RFC 6455 §5.3).
enum WebSocketMask {
    /// XORs `bytes` in place with the key stream, starting `keyOffset` bytes into the stream.
    ///
    /// Works eight bytes at a time: this runs over every byte a client sends.
    /// - Parameters:
    ///   - key: the four key bytes as one big-endian number (see ``WebSocketFrameHeader/maskingKey``).
    ///   - keyOffset: how many payload bytes of this frame came before `bytes`, so split frames stay in step.
    static func apply(key: UInt32, keyOffset: Int, to bytes: UnsafeMutableRawBufferPointer) {
        guard let base = bytes.baseAddress, key != 0 else { return }
        let shift = UInt32((keyOffset & 3) * 8)
        let rotated = shift == 0 ? key : (key << shift) | (key >> (32 - shift))
        // `bigEndian` lays the first key byte at the lowest address, whatever the host's byte order.
        let wordMask = (UInt64(rotated) << 32 | UInt64(rotated)).bigEndian
        let count = bytes.count
        var index = 0
        while index + 32 <= count {
            for lane in stride(from: index, to: index + 32, by: 8) {
                let word = base.loadUnaligned(fromByteOffset: lane, as: UInt64.self)
                base.storeBytes(of: word ^ wordMask, toByteOffset: lane, as: UInt64.self)
            }
            index += 32
        }
        while index + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            base.storeBytes(of: word ^ wordMask, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        // Whole words keep the key phase, so the tail starts at the rotated key's first byte.
        var keyShift: UInt32 = 24
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            base.storeBytes(of: byte ^ UInt8(truncatingIfNeeded: rotated >> keyShift), toByteOffset: index, as: UInt8.self)
            keyShift = keyShift == 0 ? 24 : keyShift - 8
            index += 1
        }
    }
}
