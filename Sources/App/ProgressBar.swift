import Foundation
import Glibc
import Synchronization

/// Progress on standard error: a redrawn bar with rate and ETA on a terminal, a plain line per tenth otherwise
/// (so logs and CI output stay readable).
final class ProgressBar: Sendable {
    private struct State {
        var lastDraw = 0.0
        var lastTenth = -1
    }

    private let label: String
    private let unit: String
    private let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let state = Mutex(State())

    init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    func update(done: Int, total: Int) {
        guard total > 0 else { return }
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let fraction = Double(done) / Double(total)
        let line: String? = state.withLock { state in
            if isTerminal {
                // At most ten redraws a second, and always the last one.
                guard done == total || elapsed - state.lastDraw >= 0.1 else { return nil }
                state.lastDraw = elapsed
                let width = 30
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                return String(format: "\r%@ %@ %d/%d %3.0f%% %.0f %@/s ETA %@", label, bar, done, total, fraction * 100, rate, unit, Self.clock(remaining))
                    + (done == total ? "\n" : "")
            }
            let tenth = Int(fraction * 10)
            guard tenth != state.lastTenth else { return nil }
            state.lastTenth = tenth
            return String(format: "%@: %d/%d (%.0f%%), %.0f %@/s, ETA %@\n", label, done, total, fraction * 100, rate, unit, Self.clock(remaining))
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
