import Sentencing
import Testing

/// The shipped tables are complete: every figure carries its provision and source.
struct GuidelineDataTests {
    @Test func everyCircumstanceRuleHasAProvisionAndAnOrderedRange() throws {
        let table = try GuidelineTable.bundled()
        #expect(table.circumstances.count >= 20)
        for rule in table.circumstances {
            #expect(!rule.provision.isEmpty, "\(rule.id)")
            #expect(rule.lowPercent <= rule.highPercent, "\(rule.id)")
            #expect(["first", "then"].contains(rule.stage), "\(rule.id)")
        }
    }

    /// 二(二)2 names these as applied first.
    @Test func firstAppliedCircumstancesAreTheOnesTheGuidelineNames() throws {
        let table = try GuidelineTable.bundled()
        let first = Set(table.circumstances.filter { $0.stage == "first" }.map(\.kind))
        #expect(first == ["minor", "elderly", "deafMuteOrBlind", "attempt", "accessory", "coercedAccomplice"])
    }

    @Test func everyStartingPointHasASourceAndFitsItsTier() throws {
        let table = try CrimeTable.bundled()
        #expect(table.crimes.count >= 20)
        for crime in table.crimes {
            for start in crime.startingPoints {
                #expect(!start.provision.isEmpty && !start.source.isEmpty && !start.verified.isEmpty, "\(crime.charge)")
                let tier = try #require(crime.tiers.first { $0.tier == start.tier }, "\(crime.charge)")
                #expect(start.lowMonths >= tier.minMonths && start.highMonths <= tier.maxMonths, "\(crime.charge) \(start.provision)")
            }
            for increment in crime.increments {
                #expect(!increment.provision.isEmpty && increment.step > 0, "\(crime.charge)")
            }
        }
    }
}
