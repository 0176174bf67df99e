// swift-tools-version: 6.1
import PackageDescription

/// Every target opts into the same language checks (STYLE.md §2).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Jianwu",
    platforms: [.macOS(.v15)],
    products: [],
    targets: [
        // Store: protocol, queries with bound parameters, rows, errors, migrations (issue 3).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "Store", swiftSettings: strictSettings),
        .target(name: "StoreSQLite", dependencies: ["Store", "CSQLite"], swiftSettings: strictSettings),
        .target(name: "StorePostgres", dependencies: ["Store", "CLibPQ"], swiftSettings: strictSettings),
        .executableTarget(
            name: "StoreCrashDriver", dependencies: ["Store", "StoreSQLite", "StorePostgres"], swiftSettings: strictSettings),
        .executableTarget(
            name: "StoreBench", dependencies: ["Store", "StoreSQLite", "StorePostgres"], path: "bench/store/StoreBench",
            swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: strictSettings),
        .testTarget(
            name: "StoreContractTests", dependencies: ["Store", "StoreSQLite", "StorePostgres"], swiftSettings: strictSettings),
    ]
)
