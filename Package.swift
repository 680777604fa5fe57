// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RapportTime", targets: ["RapportTime"]),
        .library(name: "RapportLog", targets: ["RapportLog"]),
        .library(name: "RapportCRM", targets: ["RapportCRM"]),
        .library(name: "RapportProjections", targets: ["RapportProjections"]),
        .library(name: "Rapport", targets: ["Rapport"]),
        .library(name: "RapportServer", targets: ["RapportServer"]),
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLZ4",
            pkgConfig: "liblz4",
            providers: [.apt(["liblz4-dev"])]
        ),
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        .target(name: "RapportTime"),
        .target(
            name: "RapportLog",
            dependencies: [
                "RapportTime",
                "CLZ4",
                "CISAL",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(name: "RapportCRM", dependencies: ["RapportTime"]),
        .target(name: "RapportProjections", dependencies: ["RapportTime", "RapportCRM"]),
        .target(
            name: "Rapport",
            dependencies: [
                "RapportTime",
                "RapportLog",
                "RapportCRM",
                "RapportProjections",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "RapportServer",
            dependencies: [
                "Rapport",
                "RapportTime",
                "RapportLog",
                "RapportCRM",
                "RapportProjections",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "Rapport",
                "RapportServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "RapportTestSupport",
            dependencies: ["RapportTime", "RapportLog"],
            path: "Tests/RapportTestSupport"
        ),
        .testTarget(
            name: "RapportTimeTests",
            dependencies: [
                "RapportTime",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RapportLogTests",
            dependencies: [
                "RapportTime",
                "RapportLog",
                "RapportTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RapportCRMTests",
            dependencies: [
                "RapportTime",
                "RapportCRM",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RapportProjectionsTests",
            dependencies: [
                "Rapport",
                "RapportTime",
                "RapportCRM",
                "RapportProjections",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RapportServerTests",
            dependencies: [
                "Rapport",
                "RapportServer",
                "RapportCRM",
                "RapportLog",
                "RapportProjections",
                "RapportTime",
                "RapportTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RapportTests",
            dependencies: [
                "Rapport",
                "RapportTime",
                "RapportLog",
                "RapportCRM",
                "RapportProjections",
                "RapportTestSupport",
                "rapport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    if target.type != .test {
        settings.append(.define("RAPPORT_INVARIANTS", .when(configuration: .debug)))
    }
    target.swiftSettings = settings
}
