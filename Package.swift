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
        // Only the WebSocket part of HTTPServer lives on this branch; main's Package.swift replaces these entries at merge.
        .target(name: "HTTPServer", path: "Sources/HTTPServer/WebSocket", swiftSettings: strictSettings),
        .testTarget(
            name: "HTTPServerTests", dependencies: ["HTTPServer"], path: "Tests/HTTPServerTests/WebSocket", swiftSettings: strictSettings),
    ]
)
