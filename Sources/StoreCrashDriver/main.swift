import CEpoll
import Foundation
import Store
import StorePostgres
import StoreSQLite

// The crash-test driver (scripts/crash-test.sh):
//   StoreCrashDriver write  --db <location> [--concurrency N]   write numbered rows, print each acknowledged id
//   StoreCrashDriver verify --db <location> --acked <file>      check every id in <file> survived
// <location> is what `jianwu --db` accepts: sqlite:<path> or postgres://…

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func openStore(_ text: String) async throws -> any Store {
    switch try StoreLocation(parsing: text, dataDirectory: ".").engine {
    case .sqlite(let path): return try await SQLiteStore.open(path: path)
    case .postgres(let url): return try await PostgresStore.open(url: url)
    }
}

// A writer started by a test must not outlive it: it would keep the test's output pipe open and hang the run.
_ = jw_die_with_parent()

let arguments = CommandLine.arguments
guard arguments.count >= 2, let location = option("--db", in: arguments) else {
    FileHandle.standardError.write(Data("usage: StoreCrashDriver write|verify --db <location> [--acked <file>] [--concurrency N]\n".utf8))
    exit(2)
}
do {
    let store = try await openStore(location)
    switch arguments[1] {
    case "write":
        try await CrashSchema.migrator.migrate(store)
        try await CrashWriter(store: store, concurrency: Int(option("--concurrency", in: arguments) ?? "4") ?? 4).run()
    case "verify":
        let ackedPath = option("--acked", in: arguments) ?? "/dev/null"
        let lines = try String(contentsOfFile: ackedPath, encoding: .utf8).split(separator: "\n")
        let acknowledged = try lines.map { line in
            guard let id = Int64(line) else { throw StoreError(.invalidValue, message: "malformed acknowledgement line \"\(line)\"") }
            return id
        }
        try await CrashSchema.migrator.migrate(store)
        let problems = try await CrashVerifier(store: store).verify(acknowledged: acknowledged)
        await store.close()
        if problems.isEmpty {
            print("ok: \(acknowledged.count) acknowledged writes present")
        } else {
            print("FAILED: " + problems.joined(separator: "; "))
            exit(1)
        }
    default:
        FileHandle.standardError.write(Data("unknown command \(arguments[1])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("StoreCrashDriver: \(error)\n".utf8))
    exit(1)
}
