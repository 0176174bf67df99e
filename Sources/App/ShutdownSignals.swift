import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into one call of `onSignal`, for graceful shutdown.
/// `@unchecked Sendable`: the sources are set once in `init` and only cancelled in `deinit`.
final class ShutdownSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(onSignal: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "jianwu.signals")
        sources = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onSignal(name) }
            source.resume()
            return source
        }
    }

    deinit { for source in sources { source.cancel() } }
}
