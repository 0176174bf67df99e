/// The 2021 national guideline's circumstance table (`Data/sentencing/guideline-2021.json`).
public struct GuidelineTable: Codable, Sendable {
    /// One circumstance's adjustment range, as a signed percentage of the 基准刑.
    public struct CircumstanceRule: Codable, Sendable {
        public var id: String
        public var kind: String
        public var minAge: Int?
        public var maxAge: Int?
        /// `first`: applied multiplicatively before the others (二(二)2); `then`: added and subtracted.
        public var stage: String
        public var lowPercent: Double
        public var highPercent: Double
        /// True when the circumstance is a statutory ground for 减轻 (going below the statutory minimum, 二(三)2).
        public var mitigationBelowMinimum: Bool
        public var provision: String
        public var law: String?
        public var confidence: String

        /// The point the product proposes inside the range (see `typicalPointRule`).
        public var typicalPercent: Double { (lowPercent + highPercent) / 2 }
    }

    public var document: String
    public var checked: String
    public var typicalPointRule: String
    public var finalDiscretionPercent: Double
    public var finalDiscretionProvision: String
    public var recidivismMinimumMonths: Double
    public var recidivismMinimumProvision: String
    public var circumstances: [CircumstanceRule]
    public var pleaLeniencyAbsorbs: [String]
    public var pleaLeniencyAbsorbsProvision: String
    public var pleaLeniencyCombinedWith: [String]
    public var courtPleaExcludedBy: [String]
    public var courtPleaExcludedByProvision: String
    public var confessionExcludedBy: [String]
    public var confessionExcludedByProvision: String
    public var priorRecordExcludedBy: [String]
    public var priorRecordExcludedByProvision: String

    public func rule(id: String) throws -> CircumstanceRule {
        guard let rule = circumstances.first(where: { $0.id == id }) else {
            throw SentencingDataError.invalidTable("no circumstance rule \(id)")
        }
        return rule
    }
}

/// Starting points and increments per crime for one province (`Data/sentencing/crimes-jiangsu.json`).
public struct CrimeTable: Codable, Sendable {
    public struct Tier: Codable, Sendable {
        public var tier: Int
        public var minMonths: Double
        public var maxMonths: Double
        public var penalty: String
    }

    /// The facts that select a starting point; every field given must hold.
    public struct Condition: Codable, Sendable {
        public var amountAtLeast: Double?
        public var drugGramsAtLeast: Double?
        public var offencesAtLeast: Double?
        public var deathsAtLeast: Double?
        public var injury: String?
        public var responsibility: [String]?
        public var kindsAny: [String]?
        public var kindsAll: [String]?
        public var textContainsAny: [String]?
    }

    public struct StartingPoint: Codable, Sendable {
        public var tier: Int
        public var when: Condition
        public var lowMonths: Double
        public var highMonths: Double
        public var provision: String
        public var source: String
        public var verified: String
    }

    /// 刑罚量 added to the starting point: `months` per `step` of `basis` above `above`.
    public struct Increment: Codable, Sendable {
        public var tier: Int
        /// `amount` (元), `extraOffences` or `extraDeaths`.
        public var basis: String
        public var above: Double
        public var step: Double
        public var months: Double
        public var onlyBelowAmount: Double?
        public var provision: String
        public var source: String
    }

    public struct Exclusion: Codable, Sendable {
        public var when: Condition
        public var reason: String
    }

    public struct Crime: Codable, Sendable {
        public var charge: String
        public var article: String
        public var provision: String
        public var fine: String?
        public var directSentence: Bool?
        public var tiers: [Tier]
        public var startingPoints: [StartingPoint]
        public var increments: [Increment]
        public var outOfScope: [Exclusion]?
    }

    public var province: String
    public var version: String
    public var note: String
    public var crimes: [Crime]

    public func crime(named charge: String) -> Crime? {
        crimes.first { $0.charge == charge }
    }
}

extension GuidelineTable {
    /// The table shipped with the product.
    public static func bundled() throws -> GuidelineTable {
        try BundledData.decode(GuidelineTable.self, named: "guideline-2021")
    }
}

extension CrimeTable {
    /// The per-province table shipped with the product.
    public static func bundled() throws -> CrimeTable {
        try BundledData.decode(CrimeTable.self, named: "crimes-jiangsu")
    }
}
