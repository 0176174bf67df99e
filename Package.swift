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

    ],
    targets: [
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        .target(name: "HTTPServer", dependencies: ["CEpoll"], swiftSettings: strictSettings),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"], swiftSettings: strictSettings),
    ]
)
