import Foundation

/// Command-line options of the benchmark.
struct BenchArguments {
    var corpus = ""
    var metadata = ""
    var dictionaries = ""
    var queries: String?
    var cache: String?
    var runs = 20
    var resultsOut: String?
    var show: [String] = []
    var laws: String?
    var holdout: String?

    init(_ arguments: [String]) {
        var index = 1
        func value() -> String {
            index += 1
            return index < arguments.count ? arguments[index] : ""
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--corpus": corpus = value()
            case "--metadata": metadata = value()
            case "--dict": dictionaries = value()
            case "--queries": queries = value()
            case "--cache": cache = value()
            case "--runs": runs = Int(value()) ?? 20
            case "--results": resultsOut = value()
            case "--show": show.append(value())
            case "--laws": laws = value()
            case "--holdout": holdout = value()
            default: FileHandle.standardError.write(Data("unknown option \(arguments[index])\n".utf8))
            }
            index += 1
        }
    }
}

/// Wall-clock seconds of a block.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Peak and current resident memory in MiB, from /proc/self/status.
func memoryMiB() -> (current: Double, peak: Double) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "0") ?? 0) / 1024
    }
    return (field("VmRSS:"), field("VmHWM:"))
}
