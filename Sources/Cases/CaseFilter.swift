/// What the case list may be narrowed to.
public struct CaseFilter: Sendable {
    public enum DeadlineFilter: String, Sendable {
        /// Past due.
        case overdue
        /// Due within three days, today included, or already past due (临期/超期).
        case attention
    }

    public var text: String?
    public var stage: CaseStage?
    public var charge: String?
    public var leadProsecutorID: String?
    public var inCustody: Bool?
    public var deadline: DeadlineFilter?
    public var page = 1
    public var pageSize = 20

    public init(
        text: String? = nil, stage: CaseStage? = nil, charge: String? = nil, leadProsecutorID: String? = nil, inCustody: Bool? = nil,
        deadline: DeadlineFilter? = nil, page: Int = 1, pageSize: Int = 20
    ) {
        self.text = text
        self.stage = stage
        self.charge = charge
        self.leadProsecutorID = leadProsecutorID
        self.inCustody = inCustody
        self.deadline = deadline
        self.page = page
        self.pageSize = pageSize
    }
}
