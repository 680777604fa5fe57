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
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
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
            dependencies: ["RapportTime", "RapportLog", "RapportCRM", "RapportProjections"]
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "Rapport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
