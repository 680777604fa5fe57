// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RapportLog", targets: ["RapportLog"]),
        .library(name: "RapportCRM", targets: ["RapportCRM"]),
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
        .target(
            name: "RapportLog",
            dependencies: [
                "CLZ4",
                "CISAL",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(name: "RapportCRM"),
        .target(
            name: "Rapport",
            dependencies: ["RapportLog"]
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
            dependencies: ["RapportLog"],
            path: "Tests/RapportTestSupport"
        ),
        .testTarget(
            name: "RapportLogTests",
            dependencies: [
                "RapportLog",
                "RapportTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RapportCRMTests",
            dependencies: ["RapportCRM"]
        ),
        .testTarget(
            name: "RapportTests",
            dependencies: [
                "Rapport",
                "RapportLog",
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
