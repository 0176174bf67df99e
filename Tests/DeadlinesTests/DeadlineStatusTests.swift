import Deadlines
import Foundation
import Testing

/// The reminder list (临期 / 超期). 规则第六百二十条 requires a 期限届满提示 without a number; three days is the product's choice.
struct DeadlineStatusTests {
    @Test(arguments: [
        ("2026-03-08", DeadlineStatus.normal(daysLeft: 4), "正常"),
        ("2026-03-09", .dueSoon(daysLeft: 3), "临期"),
        ("2026-03-11", .dueSoon(daysLeft: 1), "临期"),
        ("2026-03-12", .dueToday, "今日到期"),
        ("2026-03-13", .overdue(daysOverdue: 1), "超期"),
        ("2026-04-12", .overdue(daysOverdue: 31), "超期"),
    ])
    func thresholdsAroundTheDueDate(today: String, expected: DeadlineStatus, label: String) throws {
        let status = DeadlineStatus(due: try date("2026-03-12"), today: try date(today))
        #expect(status == expected)
        #expect(status.chineseLabel == label)
    }

    @Test func daysLeftIsNegativeOnceOverdue() throws {
        #expect(DeadlineStatus(due: try date("2026-03-12"), today: try date("2026-03-15")).daysLeft == -3)
        #expect(DeadlineStatus(due: try date("2026-03-12"), today: try date("2026-03-15")).chineseText == "已超期3日")
        #expect(DeadlineStatus(due: try date("2026-03-12"), today: try date("2026-03-10")).chineseText == "剩余2日")
    }

    /// The status uses the moved due date, not the calendar last day: a bail case due 10月8日 is not overdue on 10月2日.
    @Test func statusFollowsTheMovedDueDate() throws {
        let deadline = NonCustodialMeasure.residentialSurveillance.maximumDeadline(executedOn: try date("2026-04-01"), calendar: calendar2026)
        #expect(deadline.status(on: try date("2026-10-02")) == .normal(daysLeft: 6))
        #expect(deadline.status(on: try date("2026-10-05")) == .dueSoon(daysLeft: 3))
    }

    @Test func windowCanBeNarrowed() throws {
        #expect(DeadlineStatus(due: try date("2026-03-12"), today: try date("2026-03-11"), dueSoonWithin: 0) == .normal(daysLeft: 1))
        #expect(DeadlineStatus(due: try date("2026-03-12"), today: try date("2026-03-07"), dueSoonWithin: 5) == .dueSoon(daysLeft: 5))
    }

    /// Deadlines and running reviews are stored by the case module; a decoded review keeps its return count.
    @Test func deadlineAndReviewSurviveJSON() throws {
        var review = ProsecutionReview(receivedOn: try date("2026-03-02"), custody: .inCustody)
        for (out, back) in [("2026-03-03", "2026-03-04"), ("2026-03-05", "2026-03-06")] {
            try review.returnForSupplementaryInvestigation(on: date(out))
            try review.resubmit(on: date(back))
        }
        let deadline = review.deadline(calendar: calendar2026)
        #expect(try JSONDecoder().decode(Deadline.self, from: JSONEncoder().encode(deadline)) == deadline)
        var decoded = try JSONDecoder().decode(ProsecutionReview.self, from: JSONEncoder().encode(review))
        #expect(decoded == review)
        #expect(throws: DeadlineError.thirdReturnRefused) { try decoded.returnForSupplementaryInvestigation(on: date("2026-03-07")) }
    }
}
