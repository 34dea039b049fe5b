// swift-tools-version: 6.1
import PackageDescription

// Arrows point one way: ramusim (executable) → RamuCLI → ScenarioFiles + RamuModel + OutputWriters;
// RamuModel → EventEngine + RandomStreams; RandomStreams → CGSL (the only code that calls GSL).
let package = Package(
    name: "ramusim",
    products: [
        .executable(name: "ramusim", targets: ["ramusim"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .target(name: "RandomStreams", dependencies: ["CGSL"]),
        .target(name: "EventEngine"),
        .target(name: "RamuModel", dependencies: ["EventEngine", "RandomStreams"]),
        .target(name: "ScenarioFiles", dependencies: ["RamuModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "OutputWriters", dependencies: ["RamuModel"]),
        .target(
            name: "RamuCLI",
            dependencies: [
                "RamuModel", "ScenarioFiles", "OutputWriters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ramusim", dependencies: ["RamuCLI"]),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),
        .testTarget(name: "EventEngineTests", dependencies: ["EventEngine"]),
        .testTarget(name: "RamuModelTests", dependencies: ["RamuModel"]),
        .testTarget(name: "ScenarioFilesTests", dependencies: ["ScenarioFiles"]),
        .testTarget(name: "OutputWritersTests", dependencies: ["OutputWriters"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ramusim"]),
    ]
)
