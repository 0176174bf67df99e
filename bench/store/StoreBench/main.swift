import Foundation
import Store
import StorePostgres
import StoreSQLite

// Store throughput through our Store, for bench/store/run.sh, which runs the engine's own client on the same
// work and prints the ratios.
//   StoreBench sqlite <file> <rows> <selects>
//   StoreBench postgres <url> <rows> <selects>
// Prints `metric value` lines (operations per second).

let arguments = CommandLine.arguments
guard arguments.count == 5, let rows = Int(arguments[3]), let selects = Int(arguments[4]) else {
    print("usage: StoreBench sqlite|postgres <file|url> <rows> <selects>")
    exit(2)
}
let store: any Store = arguments[1] == "postgres" ? try await PostgresStore.open(url: arguments[2]) : try await SQLiteStore.open(path: arguments[2])
try await StoreBenchmark(store: store, rows: rows, selects: selects).run()
await store.close()
