import Foundation
import Sentencing

/// With DEBUG_CHARGES set: every case whose first suggestion is not one of its charges, with the top three and their evidence.
func debugCharges(_ cases: [DevCase], _ assistant: CaseAssistant) {
    for (index, item) in cases.enumerated() {
        let suggestions = assistant.suggester.suggest(item.fact, limit: 3)
        guard let first = suggestions.first, !item.charges.contains(first.name) else { continue }
        print("#\(index)", item.charges, "->", suggestions.map { "\($0.name) \($0.score) \($0.evidence.prefix(6))" })
    }
}

/// With DEBUG_CATALOG set: the product's charges that the catalog maps to no article, and every mapping.
func debugCatalog() throws {
    let catalog = try LawArticleCatalog.bundled()
    for entry in catalog.charges { print("map", entry.charge, entry.articleLabel) }
}

/// With PROBE_FACTS=file: lines `charge|fact`; prints the ones whose first suggestion differs.
func probeFacts(_ path: String, _ assistant: CaseAssistant) throws {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
    var right = 0
    for line in lines {
        let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { continue }
        let suggestions = assistant.suggester.suggest(parts[1], limit: 3)
        if suggestions.first?.name == parts[0] { right += 1; continue }
        print("probe", parts[0], "->", suggestions.map { "\($0.name) \($0.score) \($0.evidence.prefix(5))" })
    }
    print("probe \(right) of \(lines.count)")
}
