import Deadlines

/// The statutory deadlines running for a case now, computed by the ``Deadlines`` engine from the case's stage, dates,
/// flags and its suspects' measures.
enum CaseDeadlines {
    static func compute(_ record: CaseRow, persons: [PersonView], holidays: HolidayCalendar, today: String) -> [DeadlineView] {
        guard !record.stage.isClosed, let todayDate = try? CalendarDate(today), let stageStart = try? CalendarDate(record.stageStartedOn) else {
            return []
        }
        let suspects = persons.filter { $0.role == .suspect }
        let inCustody = suspects.contains { $0.inCustody }
        var result: [(Deadline, String?)] = []
        switch record.stage {
        case .arrestReview:
            let extensionKind: ArrestReview.Extension = record.majorComplex && !inCustody ? .majorOrComplex : .none
            if let deadline = try? ArrestReview.deadline(
                receivedOn: stageStart, track: .policeRequest, suspectDetained: inCustody, extension: extensionKind, calendar: holidays)
            {
                result.append((deadline, nil))
            }
        case .investigation:
            for suspect in suspects {
                guard let arrest = suspect.measures.last(where: { $0.kind == .arrest && $0.active }),
                    let arrestedOn = try? CalendarDate(arrest.startsOn)
                else { continue }
                result.append((InvestigationCustody(arrestedOn: arrestedOn).deadline(calendar: holidays), suspect.name))
            }
        case .prosecutionReview, .supplementaryInvestigation:
            if let review = replayedReview(record, start: stageStart, inCustody: inCustody) {
                result.append((review.deadline(calendar: holidays), nil))
            }
        case .indictment, .nonProsecution, .conditionalNonProsecution:
            break
        }
        for suspect in suspects {
            for measure in suspect.measures where measure.active {
                let kind: NonCustodialMeasure? = measure.kind == .bail ? .bail : measure.kind == .residentialSurveillance ? .residentialSurveillance : nil
                guard let kind, let start = try? CalendarDate(measure.startsOn) else { continue }
                result.append((kind.maximumDeadline(executedOn: start, calendar: holidays), suspect.name))
            }
        }
        return result.map { view($0.0, person: $0.1, today: todayDate) }.sorted { $0.dueOn < $1.dueOn }
    }

    /// The review as the engine tracks it, rebuilt from the stored stage, start day, return count and extension.
    static func replayedReview(_ record: CaseRow, start: CalendarDate, inCustody: Bool) -> ProsecutionReview? {
        let track: ProsecutionReview.Track =
            record.pleaLeniency ? .fastTrack(possibleSentenceOverOneYear: record.expectedSentenceOverOneYear) : .ordinary
        var review = ProsecutionReview(receivedOn: start, track: track, custody: inCustody ? .inCustody : .notInCustody)
        let returned = record.stage == .supplementaryInvestigation
        let completedReturns = returned ? record.supplementaryReturns - 1 : record.supplementaryReturns
        do {
            for _ in 0..<max(0, completedReturns) {
                try review.returnForSupplementaryInvestigation(on: start)
                try review.resubmit(on: start)
            }
            if returned {
                try review.returnForSupplementaryInvestigation(on: start)
            } else if record.extensions > 0 {
                try review.extend()
            }
        } catch {
            return nil
        }
        return review
    }

    static func view(_ deadline: Deadline, person: String?, today: CalendarDate) -> DeadlineView {
        let status = deadline.status(on: today)
        return DeadlineView(
            kind: deadline.kind.rawValue, title: person.map { "\(deadline.kind.chineseName)（\($0)）" } ?? deadline.kind.chineseName,
            dueOn: deadline.due.description, article: deadline.citationText, daysLeft: status.daysLeft, status: DeadlineStatusText.code(status),
            explanation: deadline.explanation)
    }

    static func next(_ deadlines: [DeadlineView]) -> DeadlineView? { deadlines.min { $0.dueOn < $1.dueOn } }
}

/// Deadline status as stored and filtered: codes for the API, arithmetic on `YYYY-MM-DD` days.
enum DeadlineStatusText {
    static func code(_ status: DeadlineStatus) -> String {
        switch status {
        case .normal: "normal"
        case .dueSoon: "dueSoon"
        case .dueToday: "dueToday"
        case .overdue: "overdue"
        }
    }

    /// The summary a list row shows from the stored next deadline.
    static func view(kind: String?, dueOn: String?, today: String) -> DeadlineView? {
        guard let kind, let dueOn, let due = try? CalendarDate(dueOn), let now = try? CalendarDate(today) else { return nil }
        let status = DeadlineStatus(due: due, today: now)
        return DeadlineView(
            kind: kind, title: DeadlineKind(rawValue: kind)?.chineseName ?? kind, dueOn: dueOn, article: "", daysLeft: status.daysLeft,
            status: code(status), explanation: "")
    }

    static func day(_ text: String, plus days: Int) -> String {
        (try? CalendarDate(text))?.adding(days: days).description ?? text
    }
}
