public import Foundation

extension AuditEventRecord {
    /// Version tag that opens every canonical encoding, so a future format can never collide with this one.
    public static let canonicalFormatTag = "jianwu-audit-v1"

    /// The bytes the digest covers, documented so any tool can recompute the chain:
    ///
    /// Nine fields in this order, each written as a 4-byte big-endian unsigned length followed by that many
    /// bytes of UTF-8 (strings exactly as stored, no Unicode normalisation):
    /// 1. `jianwu-audit-v1`
    /// 2. sequence in decimal ASCII, no leading zeros (`1`, `2`, …)
    /// 3. time as `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC (milliseconds, always 3 digits, proleptic Gregorian)
    /// 4. actor id · 5. action · 6. resource type · 7. resource id · 8. source address · 9. details JSON
    ///
    /// The two digest fields are not part of the encoding.
    ///
    /// Then `digest = SM3(previousDigest ‖ canonicalBytes)`, where `previousDigest` is the 32 raw bytes of the
    /// previous record's digest, or 32 zero bytes for sequence 1. Length prefixes make the split unambiguous:
    /// moving a character from one field to the next changes the bytes.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        for field in [
            Self.canonicalFormatTag, String(sequence), Self.canonicalTime(event.time), event.actorID, event.action,
            event.resourceType, event.resourceID, event.sourceAddress, event.detailsJSON,
        ] {
            let bytes = Array(field.utf8)
            let length = UInt32(bytes.count)
            out += [
                UInt8(length >> 24), UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 8),
                UInt8(truncatingIfNeeded: length),
            ]
            out += bytes
        }
        return out
    }

    /// The digest this record should carry, given the previous record's digest bytes.
    public func computedDigest(previousDigest: [UInt8]) -> [UInt8] {
        var digest = MessageDigest(.sm3)
        digest.update(previousDigest)
        digest.update(canonicalBytes)
        return digest.finalize()
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, computed without a formatter or locale so it is the same everywhere.
    public static func canonicalTime(_ date: Date) -> String {
        let milliseconds = millisecondsSinceEpoch(date)
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let withinDay = milliseconds - days * 86_400_000
        let civil = CalendarDate(daysSinceEpoch: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let hours = withinDay / 3_600_000
        let minutes = withinDay / 60_000 % 60
        let seconds = withinDay / 1000 % 60
        return "\(civil)T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(withinDay % 1000, 3))Z"
    }
}
