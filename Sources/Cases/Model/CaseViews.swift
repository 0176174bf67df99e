public import Foundation

/// One row of the case list.
public struct CaseSummary: Sendable, Codable {
    public var id: String
    public var caseNumber: String
    public var name: String
    public var stage: CaseStage
    public var stageName: String
    public var charges: [String]
    public var organisationName: String
    public var leadProsecutorName: String?
    public var inCustody: Bool
    public var juvenile: Bool
    public var nextDeadline: DeadlineView?
    public var updatedAt: Date
}

/// A statutory deadline as the UI shows it.
public struct DeadlineView: Sendable, Codable, Hashable {
    public var kind: String
    public var title: String
    public var dueOn: String
    public var article: String
    public var daysLeft: Int
    /// normal, dueSoon (≤ 3 days), dueToday, overdue
    public var status: String
    public var explanation: String
}

public struct CaseNumberView: Sendable, Codable {
    public var businessCode: String
    public var caseNumber: String
}

public struct TeamMemberView: Sendable, Codable {
    public var userId: String
    public var displayName: String
    public var duty: TeamDuty
    public var dutyName: String
}

public struct MeasureView: Sendable, Codable {
    public var id: String
    public var kind: CoerciveMeasureKind
    public var kindName: String
    public var startsOn: String
    public var endsOn: String?
    public var placeId: String?
    public var placeName: String?
    public var note: String
    public var active: Bool
}

public struct PersonView: Sendable, Codable {
    public var id: String
    public var role: PersonRole
    public var roleName: String
    public var name: String
    public var citizenIdMasked: String?
    public var gender: String?
    public var birthDate: String?
    public var isMinor: Bool
    public var inCustody: Bool
    public var measures: [MeasureView]
}

public struct CaseEventView: Sendable, Codable {
    public var at: Date
    public var actorName: String?
    public var kind: String
    public var title: String
    public var fromStage: CaseStage?
    public var toStage: CaseStage?
    public var note: String
}

public struct LawyerBindingView: Sendable, Codable {
    public var id: String
    public var lawyerId: String
    public var lawyerName: String
    public var status: String
}

public struct TransitionView: Sendable, Codable {
    public var transition: CaseTransition
    public var name: String
}

/// Everything the case page shows.
public struct CaseDetail: Sendable, Codable {
    public var summary: CaseSummary
    public var organisationId: String
    public var facts: String
    public var receivedOn: String
    public var stageStartedOn: String
    public var majorComplex: Bool
    public var pleaLeniency: Bool
    public var expectedSentenceOverOneYear: Bool
    public var secret: Bool
    public var supplementaryReturns: Int
    public var extensions: Int
    public var caseNumbers: [CaseNumberView]
    public var team: [TeamMemberView]
    public var persons: [PersonView]
    public var deadlines: [DeadlineView]
    public var timeline: [CaseEventView]
    public var lawyers: [LawyerBindingView]
    public var files: [CaseFileView]
    public var allowedTransitions: [TransitionView]
}
