/// Comparisons whose running time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// True when both byte sequences are equal. The time depends only on the lengths, never on the contents,
    /// so comparing a presented token or MAC against the expected one leaks nothing about how much of it matched.
    public static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }

    /// Compares the UTF-8 bytes of two strings in constant time (for tokens carried as text).
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
