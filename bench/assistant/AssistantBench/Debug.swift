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
