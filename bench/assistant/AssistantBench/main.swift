import Foundation
import Sentencing

/// Runs the assistant over the dev set and prints its figures next to the naive baseline's.
/// Usage: AssistantBench [path/to/criminal-cases-dev.jsonl]
let path = CommandLine.arguments.dropFirst().first ?? "/work/shared/data/cases/criminal-cases-dev.jsonl"
let cases = try DevCase.load(path: path)
let assistant = try CaseAssistant.bundled()
let baseline = MedianBaseline(cases: cases)
var tally = BenchTally()
let clock = ContinuousClock()
let started = clock.now
var evidenceWords = 0
var unquotedEvidence = 0
for (index, item) in cases.enumerated() {
    let result = assistant.assist(fact: item.fact)
    let words = result.charges.flatMap(\.evidence)
    evidenceWords += words.count
    unquotedEvidence += words.filter { !item.fact.contains($0) }.count
    let terms = baseline.terms(for: item.charges.first ?? "", excluding: index)
    tally.add(
        item: item, result: result, baselineMedian: baseline.median(terms), baselineQuartiles: baseline.quartiles(terms),
        baselineCharges: baseline.frequentCharges(excluding: index), baselineArticles: baseline.frequentArticles(excluding: index))
}
let elapsed = clock.now - started
if ProcessInfo.processInfo.environment["DEBUG_CHARGES"] != nil { debugCharges(cases, assistant) }
if ProcessInfo.processInfo.environment["DEBUG_CATALOG"] != nil { try debugCatalog() }
if let probe = ProcessInfo.processInfo.environment["PROBE_FACTS"] { try probeFacts(probe, assistant) }
tally.printReport()
print("\ncharge evidence words not found in the fact: \(unquotedEvidence) of \(evidenceWords)")
print(String(format: "\n%d cases in %.2f s", cases.count, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
