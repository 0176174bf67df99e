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
    products: [
        .executable(name: "jianwu", targets: ["jianwu"]),
        .executable(name: "http-bench-server", targets: ["HTTPBenchServer"]),
        .executable(name: "AssistantBench", targets: ["AssistantBench"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "HTTPRouter", targets: ["HTTPRouter"]),
        .library(name: "HTTPTestSupport", targets: ["HTTPTestSupport"]),
    ],
    targets: [
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // Store: one protocol, bound-parameter queries, migrations; SQLite (default) and PostgreSQL drivers
        .target(name: "Store", swiftSettings: strictSettings),
        .target(name: "StoreSQLite", dependencies: ["Store", "CSQLite"], swiftSettings: strictSettings),
        .target(name: "StorePostgres", dependencies: ["Store", "CLibPQ"], swiftSettings: strictSettings),
        .executableTarget(name: "StoreCrashDriver", dependencies: ["CEpoll", "Store", "StoreSQLite", "StorePostgres"], swiftSettings: strictSettings),
        .executableTarget(
            name: "StoreBench", dependencies: ["Store", "StoreSQLite", "StorePostgres"], path: "bench/store/StoreBench",
            swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: strictSettings),
        .testTarget(name: "StoreContractTests", dependencies: ["Store", "StoreSQLite", "StorePostgres", "StoreTestSupport"], swiftSettings: strictSettings),
        // Runs a test body on SQLite and on the CI's PostgreSQL, each in a fresh database (used by every store-backed test target).
        .target(name: "StoreTestSupport", dependencies: ["Store", "StoreSQLite", "StorePostgres"], swiftSettings: strictSettings),

        // Security: pure building blocks (argon2id passwords, TOTP, SM3/SM2 seals, Janus tokens, ID validators, audit chain)
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .target(name: "Security", dependencies: ["CCrypto", "CArgon2"], swiftSettings: strictSettings),
        .testTarget(name: "SecurityTests", dependencies: ["Security"], swiftSettings: strictSettings),

        // Identity: organisations, users, sign-in, sessions, authorisation (one policy) and the audit log in the store
        .target(name: "Identity", dependencies: ["Store", "Security", "HTTPRouter", "HTTPServer", "Observability"], swiftSettings: strictSettings),
        .testTarget(
            name: "IdentityTests", dependencies: ["Identity", "Store", "StoreTestSupport", "Security", "HTTPRouter", "HTTPServer"],
            swiftSettings: strictSettings),

        .target(name: "HTTPServer", dependencies: ["CEpoll"], swiftSettings: strictSettings),
        .target(name: "Observability", swiftSettings: strictSettings),
        .target(name: "HTTPRouter", dependencies: ["HTTPServer", "Observability"], swiftSettings: strictSettings),
        .target(
            name: "App", dependencies: ["CaseFacts", "Cases", "Evidence", "Media", "Notifications", "RemoteSessions", "HTTPServer", "HTTPRouter", "Identity", "Knowledge", "Observability", "Security", "Sentencing", "Store", "StoreSQLite", "StorePostgres"], resources: [.copy("Resources/openapi.json")],
            swiftSettings: strictSettings),
        .executableTarget(name: "jianwu", dependencies: ["App"], swiftSettings: strictSettings),
        .executableTarget(name: "HTTPBenchServer", dependencies: ["HTTPServer"], path: "bench/http/server", swiftSettings: strictSettings),
        .target(name: "HTTPTestSupport", swiftSettings: strictSettings),

        // Search engine: law parser, segmenter, index, citations. `Parsing/` compiles on its own (stdlib only) for fuzzing.
        .target(name: "Search", swiftSettings: strictSettings),
        .testTarget(name: "SearchTests", dependencies: ["Search"], swiftSettings: strictSettings),
        // Knowledge: the corpus imported into the store, the index at run time, its API
        .target(
            name: "Knowledge", dependencies: ["Search", "Store", "StoreSQLite", "Security", "Identity", "HTTPRouter", "HTTPServer"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KnowledgeTests", dependencies: ["Knowledge", "Search", "Store", "StoreTestSupport", "Identity", "HTTPRouter", "HTTPServer"],
            swiftSettings: strictSettings),
        // ICU word break, only to compare segmenters in bench/knowledge (ICU must not share a module with Foundation).
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        .target(name: "SearchICU", dependencies: ["CICU"], swiftSettings: strictSettings),
        .executableTarget(
            name: "KnowledgeBench", dependencies: ["Search", "SearchICU"], path: "bench/knowledge/KnowledgeBench", swiftSettings: strictSettings),

        // Case assistant engines (pure: no server, no store)
        .target(name: "CaseFacts", swiftSettings: strictSettings),
        // Resources/ holds relative symlinks to Data/sentencing and Data/labels; `.process` follows them into the bundle.
        .target(name: "Sentencing", dependencies: ["CaseFacts"], resources: [.process("Resources")], swiftSettings: strictSettings),
        .executableTarget(name: "AssistantBench", dependencies: ["Sentencing", "CaseFacts"], path: "bench/assistant/AssistantBench", swiftSettings: strictSettings),
        .testTarget(name: "CaseFactsTests", dependencies: ["CaseFacts"], swiftSettings: strictSettings),
        .testTarget(name: "SentencingTests", dependencies: ["Sentencing", "CaseFacts"], swiftSettings: strictSettings),
        .target(name: "Deadlines", swiftSettings: strictSettings),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines"], swiftSettings: strictSettings),
        // Notifications: stored per user, pushed to open pages as Server-Sent Events
        .target(name: "Notifications", dependencies: ["Store", "Identity", "HTTPRouter", "HTTPServer"], swiftSettings: strictSettings),
        .testTarget(
            name: "NotificationsTests", dependencies: ["Notifications", "Identity", "Security", "Store", "StoreTestSupport"], swiftSettings: strictSettings),
        // Media: Janus configured, supervised and proxied by jianwu; signed tokens per session
        .target(name: "Media", dependencies: ["Security", "Identity", "HTTPRouter", "HTTPServer"], swiftSettings: strictSettings),
        .testTarget(name: "MediaTests", dependencies: ["Media", "Security"], swiftSettings: strictSettings),
        // Evidence: the procuratorate's SM2 sealing key, sealed files with their .seal.json, verification
        .target(name: "Evidence", dependencies: ["Security", "Identity", "HTTPRouter", "HTTPServer"], swiftSettings: strictSettings),
        .testTarget(name: "EvidenceTests", dependencies: ["Evidence", "Security"], swiftSettings: strictSettings),
        // Documents: PDFs in the official layouts (cairo + pango with the system's Noto CJK fonts)
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(name: "Documents", dependencies: ["CPangoCairo"], swiftSettings: strictSettings),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents"], swiftSettings: strictSettings),
        // RemoteSessions: interview rooms, bookings without double booking, the life of a remote interrogation
        .target(
            name: "RemoteSessions", dependencies: ["Cases", "Documents", "Evidence", "Identity", "Media", "Notifications", "Security", "Store", "HTTPRouter", "HTTPServer"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RemoteSessionsTests",
            dependencies: [
                "RemoteSessions", "Cases", "Evidence", "Identity", "Media", "Notifications", "Security", "Store", "StoreTestSupport", "HTTPRouter", "HTTPServer",
            ],
            swiftSettings: strictSettings),
        // Cases: registration, stages, people and measures, deadlines (through Deadlines), dossier, lawyer bindings
        .target(
            name: "Cases", dependencies: ["Deadlines", "Identity", "Notifications", "Search", "Security", "Store", "HTTPRouter", "HTTPServer"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CasesTests", dependencies: ["Cases", "Deadlines", "Identity", "Notifications", "Store", "StoreTestSupport", "Security", "HTTPRouter", "HTTPServer"],
            swiftSettings: strictSettings),

        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ObservabilityTests", dependencies: ["Observability"], swiftSettings: strictSettings),
        .testTarget(name: "HTTPRouterTests", dependencies: ["HTTPRouter", "HTTPServer", "Observability"], swiftSettings: strictSettings),
        .testTarget(name: "AppTests", dependencies: ["App", "HTTPRouter", "HTTPServer", "HTTPTestSupport", "Identity", "Knowledge", "Observability", "Security", "Store", "StoreSQLite"], swiftSettings: strictSettings),
    ]
)
