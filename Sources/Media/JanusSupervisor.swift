import Foundation
import Glibc
import Synchronization

/// Runs Janus as a child process: writes its configuration, starts it, restarts it when it dies (with back-off), and
/// stops it with the server. Janus dies with jianwu too (PR_SET_PDEATHSIG through a small wrapper is not available
/// to Foundation's Process, so `stop()` is called on shutdown and the pid file lets the next start clear a leftover).
public final class JanusSupervisor: Sendable {
    public let settings: JanusSettings
    private let state = Mutex<State>(State())
    private let log: @Sendable (String) -> Void

    struct State {
        var process: Process?
        var stopping = false
        var restarts = 0
    }

    public init(settings: JanusSettings, log: @escaping @Sendable (String) -> Void) {
        self.settings = settings
        self.log = log
    }

    /// Whether the Janus binary is installed.
    public var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: settings.binary) }

    /// Starts Janus (when installed) and keeps it running until ``stop()``.
    public func start() throws {
        guard isInstalled else {
            log("janus is not installed; remote video is unavailable (apt-get install janus)")
            return
        }
        try JanusConfigWriter.write(settings)
        killLeftover()
        try launch()
    }

    /// Stops Janus and does not restart it.
    public func stop() {
        let process = state.withLock { state -> Process? in
            state.stopping = true
            return state.process
        }
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        // Janus needs about 2.5 s to close its transports; do not leave it holding the ports.
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private func launch() throws {
        let process = Process()
        process.executableURL = URL(filePath: settings.binary)
        process.arguments = [
            "-F", settings.configurationDirectory.path, "-C", settings.configurationDirectory.appending(path: "janus.jcfg").path, "-o", "-N",
            "-L", settings.logFile.path, "-p", settings.pidFile.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { [weak self] ended in self?.ended(ended) }
        try process.run()
        state.withLock { $0.process = process }
        log("janus started (pid \(process.processIdentifier))")
    }

    private func ended(_ process: Process) {
        let (stopping, restarts) = state.withLock { state -> (Bool, Int) in
            state.process = nil
            state.restarts += 1
            return (state.stopping, state.restarts)
        }
        guard !stopping else { return }
        let delay = min(30, 1 << min(restarts, 5))
        log("janus exited (status \(process.terminationStatus)); restarting in \(delay) s")
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(delay)) { [weak self] in
            guard let self, !self.state.withLock({ $0.stopping }) else { return }
            do { try self.launch() } catch { self.log("janus restart failed: \(error)") }
        }
    }

    /// A Janus left running by a previous jianwu that was killed holds the ports; end it by the pid it wrote.
    private func killLeftover() {
        guard let text = try? String(contentsOf: settings.pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            pid > 1
        else { return }
        // Only if that pid is still a janus process using our configuration.
        guard let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
            command.contains(settings.configurationDirectory.path)
        else { return }
        kill(pid, SIGTERM)
        for _ in 0..<50 where kill(pid, 0) == 0 { usleep(100_000) }
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }
}
