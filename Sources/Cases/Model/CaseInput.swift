/// A new case as the prosecutor registers it (受理).
public struct NewCase: Sendable, Codable {
    /// The procuratorate handling it; defaults to the creator's own.
    public var organisationId: String?
    public var name: String
    public var facts: String?
    /// `arrestReview` or `prosecutionReview`: where the police's request enters.
    public var stage: CaseStage
    /// The day the procuratorate received the case (the period is counted from the next day).
    public var receivedOn: String
    public var charges: [String]
    public var majorComplex: Bool?
    public var pleaLeniency: Bool?
    public var expectedSentenceOverOneYear: Bool?
    public var juvenile: Bool?
    public var secret: Bool?
    public var leadProsecutorId: String?

    public init(
        organisationId: String? = nil, name: String, facts: String? = nil, stage: CaseStage, receivedOn: String, charges: [String],
        majorComplex: Bool? = nil, pleaLeniency: Bool? = nil, expectedSentenceOverOneYear: Bool? = nil, juvenile: Bool? = nil, secret: Bool? = nil,
        leadProsecutorId: String? = nil
    ) {
        self.organisationId = organisationId
        self.name = name
        self.facts = facts
        self.stage = stage
        self.receivedOn = receivedOn
        self.charges = charges
        self.majorComplex = majorComplex
        self.pleaLeniency = pleaLeniency
        self.expectedSentenceOverOneYear = expectedSentenceOverOneYear
        self.juvenile = juvenile
        self.secret = secret
        self.leadProsecutorId = leadProsecutorId
    }
}

/// Changes to a case; absent fields stay.
public struct CaseChanges: Sendable, Codable {
    public var name: String?
    public var facts: String?
    public var charges: [String]?
    public var majorComplex: Bool?
    public var pleaLeniency: Bool?
    public var expectedSentenceOverOneYear: Bool?
    public var juvenile: Bool?
    public var secret: Bool?

    public init(
        name: String? = nil, facts: String? = nil, charges: [String]? = nil, majorComplex: Bool? = nil, pleaLeniency: Bool? = nil,
        expectedSentenceOverOneYear: Bool? = nil, juvenile: Bool? = nil, secret: Bool? = nil
    ) {
        self.name = name
        self.facts = facts
        self.charges = charges
        self.majorComplex = majorComplex
        self.pleaLeniency = pleaLeniency
        self.expectedSentenceOverOneYear = expectedSentenceOverOneYear
        self.juvenile = juvenile
        self.secret = secret
    }
}

/// A stage move with the day it happened.
public struct TransitionInput: Sendable, Codable {
    public var transition: CaseTransition
    public var on: String
    public var note: String?

    public init(transition: CaseTransition, on: String, note: String? = nil) {
        self.transition = transition
        self.on = on
        self.note = note
    }
}

public struct NewPerson: Sendable, Codable {
    public var role: PersonRole
    public var name: String
    public var citizenId: String?
    public var gender: String?
    public var birthDate: String?
    public var address: String?
    public var phone: String?

    public init(role: PersonRole, name: String, citizenId: String? = nil, gender: String? = nil, birthDate: String? = nil, address: String? = nil, phone: String? = nil) {
        self.role = role
        self.name = name
        self.citizenId = citizenId
        self.gender = gender
        self.birthDate = birthDate
        self.address = address
        self.phone = phone
    }
}

public struct NewMeasure: Sendable, Codable {
    public var kind: CoerciveMeasureKind
    public var startsOn: String
    public var endsOn: String?
    /// The detention centre, for custodial measures.
    public var placeId: String?
    public var note: String?

    public init(kind: CoerciveMeasureKind, startsOn: String, endsOn: String? = nil, placeId: String? = nil, note: String? = nil) {
        self.kind = kind
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.placeId = placeId
        self.note = note
    }
}

public struct TeamMemberInput: Sendable, Codable {
    public var userId: String
    public var duty: TeamDuty

    public init(userId: String, duty: TeamDuty) {
        self.userId = userId
        self.duty = duty
    }
}

/// A person's duty on a case team.
public enum TeamDuty: String, Sendable, Codable, CaseIterable {
    case lead, member, clerk

    public var chineseName: String {
        switch self {
        case .lead: "承办检察官"
        case .member: "办案组成员"
        case .clerk: "书记员"
        }
    }
}
