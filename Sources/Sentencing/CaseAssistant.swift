public import CaseFacts
import Foundation

/// Fact text → extracted circumstances, ranked charges and articles, and a sentencing recommendation.
///
/// ```swift
/// let assistant = try CaseAssistant.bundled()
/// let result = assistant.assist(fact: "被告人窃得人民币3723元……")
/// ```
public struct CaseAssistant: Sendable {
    public let extractor: FactExtractor
    public let suggester: ChargeSuggester
    public let engine: SentencingEngine

    /// General-part articles cited when a circumstance is found, ranked after the articles that define the charges.
    static let generalArticles: [(CircumstanceKind, Int)] = [
        (.surrender, 67), (.confession, 67), (.recidivism, 65), (.accessory, 27), (.coercedAccomplice, 28), (.attempt, 23),
        (.meritoriousService, 68), (.majorMeritoriousService, 68), (.minor, 17), (.pleaLeniency, 67),
    ]

    public init(extractor: FactExtractor, suggester: ChargeSuggester, engine: SentencingEngine) {
        self.extractor = extractor
        self.suggester = suggester
        self.engine = engine
    }

    /// The assistant over the tables and texts that ship with the product.
    public static func bundled() throws -> CaseAssistant {
        try CaseAssistant(extractor: FactExtractor(), suggester: .bundled(), engine: .bundled())
    }

    /// The full result for one fact text. The sentence is computed for the best-ranked charge.
    public func assist(fact: String) -> AssistResult { assist(fact: fact, charge: nil, circumstances: nil) }

    /// The result as the prosecutor corrected it: the sentence for `charge` (a name as in the Criminal Law, with or
    /// without the final 罪) instead of the best-ranked one, and `circumstances` instead of the extracted ones.
    public func assist(fact: String, charge: String?, circumstances corrected: [Circumstance]?) -> AssistResult {
        let circumstances = corrected ?? extractor.extract(fact)
        let suggestions = suggester.suggest(fact, limit: 5)
        let chosen = charge.map { $0.hasSuffix("罪") ? String($0.dropLast()) : $0 } ?? suggestions.first?.name
        let outcome: SentencingOutcome =
            if let chosen {
                engine.recommend(charge: chosen, facts: circumstances, text: fact)
            } else {
                .notCovered("未能确定罪名")
            }
        return AssistResult(
            charges: suggestions.map { AssistResult.Charge(name: $0.name, score: $0.score, evidence: $0.evidence) },
            articles: articles(for: suggestions, circumstances: circumstances), circumstances: circumstances,
            termMonthsLow: outcome.termMonthsLow, termMonthsHigh: outcome.termMonthsHigh, reason: outcome.reason,
            recommendation: outcome.recommendation, probationEligible: outcome.probationEligible, explanation: outcome.explanation)
    }

    /// One input line `{"fact": "..."}` → one output line of JSON (no trailing newline).
    public func assistJSONLine(_ line: String) throws -> String {
        struct Input: Decodable { var fact: String }
        let input = try JSONDecoder().decode(Input.self, from: Data(line.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(assist(fact: input.fact)), as: UTF8.self)
    }

    private func articles(for suggestions: [ChargeSuggestion], circumstances: [Circumstance]) -> [AssistResult.Article] {
        var result: [AssistResult.Article] = []
        for suggestion in suggestions where !result.contains(where: { $0.label == suggestion.article }) {
            result.append(AssistResult.Article(label: suggestion.article, score: suggestion.score, evidence: [suggestion.name] + suggestion.evidence.prefix(3)))
        }
        let kinds = Set(circumstances.map(\.kind))
        for (kind, number) in Self.generalArticles where kinds.contains(kind) {
            let label = ArticleLabel.label(number: number)
            guard !result.contains(where: { $0.label == label }) else { continue }
            let evidence = circumstances.first { $0.kind == kind }.map { [$0.text] } ?? []
            result.append(AssistResult.Article(label: label, score: 0, evidence: evidence))
        }
        return result
    }
}
