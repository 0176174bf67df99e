import Foundation
import Sentencing
func debugCharges(_ cases: [DevCase], _ assistant: CaseAssistant) {
    for item in cases where ["盗窃", "故意伤害", "诈骗"].contains(item.charges.first ?? "") {
        let s = assistant.suggester.suggest(item.fact, limit: 3)
        if s.first?.name != item.charges.first {
            print(item.charges, "->", s.map { "\($0.name) \($0.score) \($0.evidence.prefix(6))" })
        }
    }
}
