public import Foundation

/// A room at a detention centre with a terminal for remote sessions.
public struct InterviewRoom: Sendable, Codable, Hashable {
    public var id: String
    public var detentionCentreId: String
    public var detentionCentreName: String
    public var name: String
    /// `HH:MM` in Asia/Shanghai.
    public var opensAt: String
    public var closesAt: String
}

public struct NewRoom: Sendable, Codable {
    public var name: String
    public var opensAt: String
    public var closesAt: String

    public init(name: String, opensAt: String, closesAt: String) {
        self.name = name
        self.opensAt = opensAt
        self.closesAt = closesAt
    }
}

/// A booking request (预约远程提讯).
public struct NewBooking: Sendable, Codable {
    public var caseId: String
    /// The suspect, held at the room's detention centre.
    public var personId: String
    public var roomId: String
    public var startsAt: Date
    public var endsAt: Date
    /// Team members joining: a clerk who keeps the transcript, a second prosecutor.
    public var participantIds: [String]?

    public init(caseId: String, personId: String, roomId: String, startsAt: Date, endsAt: Date, participantIds: [String]? = nil) {
        self.caseId = caseId
        self.personId = personId
        self.roomId = roomId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.participantIds = participantIds
    }
}

/// A remote session as both sides see it (no personal data beyond the suspect's name).
public struct RemoteSessionView: Sendable, Codable {
    public var id: String
    public var kind: String
    public var caseId: String
    public var caseName: String
    public var caseNumber: String
    public var suspectName: String
    public var room: InterviewRoom
    public var prosecutorId: String
    public var prosecutorName: String
    public var participants: [Participant]
    public var startsAt: Date
    public var endsAt: Date
    public var state: SessionState
    public var stateName: String
    public var reason: String
    public var allowedActions: [AllowedAction]
    public var events: [Event]

    public struct Participant: Sendable, Codable, Hashable {
        public var userId: String
        public var displayName: String
        public var part: String
    }

    public struct AllowedAction: Sendable, Codable, Hashable {
        public var action: SessionAction
        public var name: String
        public var needsReason: Bool
    }

    public struct Event: Sendable, Codable, Hashable {
        public var at: Date
        public var actorName: String?
        public var kind: String
        public var note: String
    }
}
