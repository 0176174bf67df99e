import Foundation
import Security
import Testing

struct AuditChainTests {
    static func makeChain(count: Int) throws -> [AuditEventRecord] {
        var records: [AuditEventRecord] = []
        for index in 0..<count {
            let event = AuditEvent(
                time: Date(timeIntervalSince1970: 1_796_300_000 + Double(index) * 1.5), actorID: "user-\(index % 3)",
                action: index % 2 == 0 ? "case.read" : "case.update", resourceType: "case", resourceID: "案-2026-\(index)",
                sourceAddress: "127.0.0.1", detailsJSON: #"{"field":"stage","n":\#(index)}"#)
            records.append(try AuditChain.record(event, after: records.last))
        }
        return records
    }

    let chain: [AuditEventRecord]

    init() throws {
        chain = try Self.makeChain(count: 6)
    }

    @Test func intactChainVerifiesEveryRecord() {
        let result = AuditChain.verify(records: chain, expectedHead: .init(sequence: 6, digestHex: chain[5].digestHex))
        #expect(result.isIntact)
        #expect(result.verifiedCount == 6)
        #expect(result.lastVerified.sequence == 6)
    }

    @Test func firstRecordLinksToGenesisAndSequencesStartAtOne() {
        #expect(chain[0].sequence == 1)
        #expect(chain[0].previousDigestHex == String(repeating: "0", count: 64))
        #expect(chain[1].previousDigestHex == chain[0].digestHex)
    }

    @Test func digestIsSM3OfPreviousDigestAndCanonicalBytes() throws {
        let record = chain[2]
        let expected = SM3.hexDigest(try Hex.decode(record.previousDigestHex) + record.canonicalBytes)
        #expect(record.digestHex == expected)
    }

    @Test func canonicalEncodingIsLengthPrefixedUTF8InTheDocumentedOrder() throws {
        let record = try AuditChain.record(
            AuditEvent(
                time: Date(timeIntervalSince1970: 0.25), actorID: "u", action: "a", resourceType: "t", resourceID: "案",
                sourceAddress: "", detailsJSON: "{}"), after: nil)
        var expected: [UInt8] = []
        for field in ["jianwu-audit-v1", "1", "1970-01-01T00:00:00.250Z", "u", "a", "t", "案", "", "{}"] {
            let bytes = Array(field.utf8)
            expected += [0, 0, 0, UInt8(bytes.count)] + bytes
        }
        #expect(record.canonicalBytes == expected)
    }

    @Test func canonicalTimeIsUTCWithMilliseconds() {
        #expect(AuditEventRecord.canonicalTime(Date(timeIntervalSince1970: 1_796_315_400.123)) == "2026-12-03T16:30:00.123Z")
        #expect(AuditEventRecord.canonicalTime(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(AuditEventRecord.canonicalTime(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    }

    @Test func movingACharacterBetweenFieldsChangesTheDigest() throws {
        let time = Date(timeIntervalSince1970: 0)
        let first = try AuditChain.record(
            .init(time: time, actorID: "ab", action: "c", resourceType: "", resourceID: "", sourceAddress: ""), after: nil)
        let second = try AuditChain.record(
            .init(time: time, actorID: "a", action: "bc", resourceType: "", resourceID: "", sourceAddress: ""), after: nil)
        #expect(first.digestHex != second.digestHex)
    }

    @Test func editedFieldIsCaughtAsDigestMismatchAtThatRecord() {
        var records = chain
        records[3].event.detailsJSON = #"{"field":"stage","n":999}"#
        let result = AuditChain.verify(records: records)
        #expect(result.firstBreak?.sequence == 4)
        #expect(result.firstBreak?.reason == .digestMismatch)
        #expect(result.verifiedCount == 3)
    }

    @Test func editedTimeIsCaught() {
        var records = chain
        records[1].event.time += 1
        #expect(AuditChain.verify(records: records).firstBreak?.reason == .digestMismatch)
    }

    @Test func deletedRowIsCaughtAsSequenceGap() {
        var records = chain
        records.remove(at: 2)
        let result = AuditChain.verify(records: records)
        #expect(result.firstBreak?.sequence == 4)
        #expect(result.firstBreak?.reason == .sequenceGap)
    }

    @Test func deletedFirstRowIsCaught() {
        let result = AuditChain.verify(records: Array(chain.dropFirst()))
        #expect(result.firstBreak?.sequence == 2)
        #expect(result.firstBreak?.reason == .sequenceGap)
    }

    @Test func reorderedRowsAreCaughtAsOutOfOrder() {
        var records = chain
        records.swapAt(2, 3)
        let result = AuditChain.verify(records: records)
        #expect(result.firstBreak?.sequence == 4)
        #expect(result.firstBreak?.reason == .outOfOrder)
    }

    @Test func renumberedSwapIsCaughtByTheDigests() {
        var records = chain
        records.swapAt(2, 3)
        (records[2].sequence, records[3].sequence) = (3, 4)
        let result = AuditChain.verify(records: records)
        #expect(result.firstBreak?.sequence == 3)
        #expect(result.firstBreak?.reason == .previousMismatch)
    }

    @Test func forgedRowWithCorrectlyComputedDigestIsCaughtAtTheNextRow() throws {
        var records = Array(chain[..<3])
        let forged = try AuditChain.record(
            AuditEvent(time: Date(), actorID: "intruder", action: "case.delete", resourceType: "case", resourceID: "x", sourceAddress: ""),
            after: records.last)
        records.append(forged)
        records += chain[3...]
        let result = AuditChain.verify(records: records)
        #expect(result.firstBreak?.sequence == 4)
        #expect(result.firstBreak?.reason == .outOfOrder)
        #expect(result.verifiedCount == 4)
    }

    @Test func forgedRowWithRenumberedSuccessorsIsCaughtByThePreviousLink() throws {
        var records = Array(chain[..<3])
        records.append(
            try AuditChain.record(
                AuditEvent(time: Date(), actorID: "intruder", action: "x", resourceType: "", resourceID: "", sourceAddress: ""),
                after: records.last))
        for var original in chain[3...] {
            original.sequence += 1
            records.append(original)
        }
        let result = AuditChain.verify(records: records)
        #expect(result.firstBreak?.sequence == 5)
        #expect(result.firstBreak?.reason == .previousMismatch)
    }

    @Test func truncatedTailIsCaughtAgainstTheTrustedHead() {
        let head = AuditChain.Anchor(sequence: 6, digestHex: chain[5].digestHex)
        let result = AuditChain.verify(records: Array(chain[..<4]), expectedHead: head)
        #expect(result.firstBreak?.sequence == 5)
        #expect(result.firstBreak?.reason == .truncated)
        #expect(result.verifiedCount == 4)
        #expect(AuditChain.verify(records: [], expectedHead: head).firstBreak?.reason == .truncated)
    }

    @Test func verificationCanResumeFromATrustedAnchor() {
        let anchor = AuditChain.Anchor(sequence: 3, digestHex: chain[2].digestHex)
        #expect(AuditChain.verify(records: Array(chain[3...]), startingAfter: anchor).isIntact)
        let wrongAnchor = AuditChain.Anchor(sequence: 3, digestHex: chain[1].digestHex)
        #expect(AuditChain.verify(records: Array(chain[3...]), startingAfter: wrongAnchor).firstBreak?.reason == .previousMismatch)
    }

    @Test func appendingAfterADamagedHeadIsRefused() {
        var head = chain[5]
        head.digestHex = "abc"
        let event = AuditEvent(time: Date(), actorID: "u", action: "a", resourceType: "", resourceID: "", sourceAddress: "")
        #expect(throws: SecurityError.invalidEncoding) { try AuditChain.record(event, after: head) }
    }

    @Test func malformedDigestIsReported() {
        var records = chain
        records[0].digestHex = "not-hex"
        records[1].previousDigestHex = "not-hex"
        #expect(AuditChain.verify(records: records).firstBreak?.reason == .malformedDigest)
    }

    @Test func recordsSurviveAJSONRoundTripAndStillVerify() throws {
        let decoded = try JSONDecoder().decode([AuditEventRecord].self, from: JSONEncoder().encode(chain))
        #expect(AuditChain.verify(records: decoded).isIntact)
    }
}
