/// Recognises numbers and ordinals at a unit of a run, for the ``Segmenter``.
///
/// 二百六十四 → numeral 264; 第二百六十四条 / 第264条 → ordinal `第264条`; 第一百三十三条之一 → `第133条之1`; 第二款 → `第2款`.
/// The canonical decimal form is hashed as the term key, so both spellings meet in the index.
enum NumberSpanReader {
    struct Span {
        var endUnit: Int
        var kind: Token.Kind
        var key: UInt64
    }

    private static let ordinalUnits: Set<UInt32> = Set("条款项章节编".unicodeScalars.map(\.value))
    private static let firstCharacter = UInt32(0x7B2C)  // 第
    private static let insertionMarker = UInt32(0x4E4B)  // 之
    private static let articleUnit = UInt32(0x6761)  // 条

    static func read(_ scalars: [UInt32], unitStarts: [Int], from unit: Int, units: Int) -> Span? {
        var cursor = unit
        let ordinal = scalars[unitStarts[cursor]] == firstCharacter
        if ordinal { cursor += 1 }
        guard cursor < units else { return nil }
        let value: Int
        var numeralLength = 0
        var digitForm = false
        if TextNormalizer.isDigit(scalars[unitStarts[cursor]]) {
            let digits = scalars[unitStarts[cursor]..<unitStarts[cursor + 1]]
            guard digits.count <= 8, digits.allSatisfy(TextNormalizer.isDigit) else { return nil }
            value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            digitForm = true
            cursor += 1
        } else {
            guard let (parsed, length) = chineseNumeral(scalars, unitStarts, cursor, units, limit: 12) else { return nil }
            value = parsed
            numeralLength = length
            cursor += length
        }
        if !ordinal {
            guard !digitForm, numeralLength >= 2 else { return nil }
            return Span(endUnit: cursor, kind: .numeral, key: ScalarHash.of(String(value)))
        }
        var canonical = "第" + String(value)
        if cursor < units, ordinalUnits.contains(scalars[unitStarts[cursor]]) {
            let unitScalar = scalars[unitStarts[cursor]]
            canonical.unicodeScalars.append(Unicode.Scalar(unitScalar)!)
            cursor += 1
            if unitScalar == articleUnit, cursor + 1 < units, scalars[unitStarts[cursor]] == insertionMarker,
                let (suffix, length) = chineseNumeral(scalars, unitStarts, cursor + 1, units, limit: 3)
            {
                canonical += "之" + String(suffix)
                cursor += 1 + length
            }
        } else if !digitForm && numeralLength < 2 {
            return nil  // 第一, 第二: ordinary dictionary words
        }
        return Span(endUnit: cursor, kind: .ordinal, key: ScalarHash.of(canonical))
    }

    /// The longest run of numeral characters from `unit` that parses, as (value, length in units).
    private static func chineseNumeral(_ scalars: [UInt32], _ unitStarts: [Int], _ unit: Int, _ units: Int, limit: Int) -> (Int, Int)? {
        var text = String.UnicodeScalarView()
        var cursor = unit
        while cursor < units, cursor - unit < limit, let scalar = Unicode.Scalar(scalars[unitStarts[cursor]]),
            unitStarts[cursor + 1] - unitStarts[cursor] == 1, ChineseNumeral.isNumeralCharacter(scalar)
        {
            text.append(scalar)
            cursor += 1
        }
        guard cursor > unit, let value = ChineseNumeral.parse(String(text)) else { return nil }
        return (value, cursor - unit)
    }
}
