// swift-tools-version: 6.1
import PackageDescription

// The log engine's and the CRM engine's benchmarks, kept out of the root package so that `swift build` and `swift test` there never
// build the benchmark library. Run them from this folder with `swift package benchmark`.
let package = Package(
    name: "RapportBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "Rapport", path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "LogWorkloads",
            dependencies: [
                .product(name: "RapportTime", package: "Rapport"),
                .product(name: "RapportLog", package: "Rapport"),
            ]
        ),
        .executableTarget(
            name: "LogEngine",
            dependencies: [
                "LogWorkloads",
                .product(name: "RapportLog", package: "Rapport"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LogEngine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .target(
            name: "CRMWorkloads",
            dependencies: [
                "LogWorkloads",
                .product(name: "Rapport", package: "Rapport"),
                .product(name: "RapportCRM", package: "Rapport"),
                .product(name: "RapportLog", package: "Rapport"),
                .product(name: "RapportProjections", package: "Rapport"),
            ]
        ),
        .executableTarget(
            name: "CRMEngine",
            dependencies: [
                "CRMWorkloads",
                "LogWorkloads",
                .product(name: "Rapport", package: "Rapport"),
                .product(name: "RapportCRM", package: "Rapport"),
                .product(name: "RapportLog", package: "Rapport"),
                .product(name: "RapportProjections", package: "Rapport"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CRMEngine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ServerLoad",
            dependencies: [
                .product(name: "RapportTime", package: "Rapport"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "CRMFigures",
            dependencies: [
                "CRMWorkloads",
                "LogWorkloads",
                .product(name: "Rapport", package: "Rapport"),
                .product(name: "RapportLog", package: "Rapport"),
            ]
        ),
        .executableTarget(
            name: "LogFigures",
            dependencies: ["LogWorkloads", .product(name: "RapportLog", package: "Rapport")]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
