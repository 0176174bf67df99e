import Foundation
import Sentencing

/// Accumulates the issue-8 figures for the engine and the baseline, overall and per charge.
struct BenchTally {
    struct Counts {
        var cases = 0
        var top1 = 0
        var top3 = 0
        var baselineTop1 = 0
        var baselineTop3 = 0
        var articleGold = 0
        var articleFound = 0
        var baselineArticleFound = 0
        var covered = 0
        var inside = 0
        var absoluteError = 0.0
        var width = 0.0
        var baselineExact = 0
        var baselineInsideQuartiles = 0
        var baselineAbsoluteError = 0.0
    }

    var overall = Counts()
    var byCharge: [String: Counts] = [:]

    mutating func add(
        item: DevCase, result: AssistResult, baselineMedian: Double, baselineQuartiles: (Double, Double), baselineCharges: [String],
        baselineArticles: [Int]
    ) {
        let key = item.charges.first ?? "?"
        var counts = [overall, byCharge[key] ?? Counts()]
        let names = result.charges.map(\.name)
        let predictedArticles = result.articles.prefix(3).compactMap { ArticleLabel.number(of: $0.label) }
        for index in counts.indices {
            counts[index].cases += 1
            if let first = names.first, item.charges.contains(first) { counts[index].top1 += 1 }
            if names.prefix(3).contains(where: item.charges.contains) { counts[index].top3 += 1 }
            if let first = baselineCharges.first, item.charges.contains(first) { counts[index].baselineTop1 += 1 }
            if baselineCharges.prefix(3).contains(where: item.charges.contains) { counts[index].baselineTop3 += 1 }
            counts[index].articleGold += item.articles.count
            counts[index].articleFound += item.articles.filter(predictedArticles.contains).count
            counts[index].baselineArticleFound += item.articles.filter(baselineArticles.prefix(3).contains).count
            guard let low = result.termMonthsLow, let high = result.termMonthsHigh else { continue }
            let actual = Double(item.termMonths)
            counts[index].covered += 1
            if item.termMonths >= low && item.termMonths <= high { counts[index].inside += 1 }
            counts[index].absoluteError += abs(Double(low + high) / 2 - actual)
            counts[index].width += Double(high - low)
            if baselineMedian == actual { counts[index].baselineExact += 1 }
            if actual >= baselineQuartiles.0 && actual <= baselineQuartiles.1 { counts[index].baselineInsideQuartiles += 1 }
            counts[index].baselineAbsoluteError += abs(baselineMedian - actual)
        }
        overall = counts[0]
        byCharge[key] = counts[1]
    }

    func printReport() {
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "   -  " : String(format: "%5.1f%%", 100 * Double(part) / Double(whole)) }
        func mean(_ total: Double, _ count: Int) -> String { count == 0 ? "   -  " : String(format: "%6.2f", total / Double(count)) }
        let o = overall
        print("figure                                   assistant   baseline")
        print("charge top-1                              \(percent(o.top1, o.cases))     \(percent(o.baselineTop1, o.cases))   (baseline: most frequent charges, leave-one-out)")
        print("charge top-3                              \(percent(o.top3, o.cases))     \(percent(o.baselineTop3, o.cases))")
        print("article top-3 recall (\(o.articleGold) labelled)           \(percent(o.articleFound, o.articleGold))     \(percent(o.baselineArticleFound, o.articleGold))")
        print("covered cases                             \(o.covered) of \(o.cases)")
        print("term inside range (covered)               \(percent(o.inside, o.covered))     \(percent(o.baselineExact, o.covered)) point / \(percent(o.baselineInsideQuartiles, o.covered)) IQR")
        print("MAE of range midpoint, months (covered)   \(mean(o.absoluteError, o.covered))     \(mean(o.baselineAbsoluteError, o.covered))   (baseline: LOO median term of the true charge)")
        print("mean range width, months                  \(mean(o.width, o.covered))")
        print("\nby charge (first true charge)      n  top1   top3  | cov  inside  MAE    | base: inside(IQR) MAE")
        for (charge, c) in byCharge.sorted(by: { ($0.value.cases, $1.key) > ($1.value.cases, $0.key) }) where c.cases >= 2 || c.covered > 0 {
            let name = charge.padding(toLength: 14, withPad: "　", startingAt: 0)
            print(
                "\(name) \(String(format: "%3d", c.cases)) \(percent(c.top1, c.cases)) \(percent(c.top3, c.cases)) | \(String(format: "%3d", c.covered)) \(percent(c.inside, c.covered)) \(mean(c.absoluteError, c.covered)) | \(percent(c.baselineInsideQuartiles, c.covered)) \(mean(c.baselineAbsoluteError, c.covered))"
            )
        }
    }
}
