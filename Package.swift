// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Arrows point one way: ramusim (executable) → RamuCLI → ScenarioFiles + RamuModel + OutputWriters + Briefing;
// Briefing → OutputWriters + CXlsxWriter (Briefing/Workbook/Workbook.swift is the only code that calls libxlsxwriter);
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
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "RandomStreams", dependencies: ["CGSL"], exclude: ["README.md"]),
        .target(name: "EventEngine", exclude: ["README.md"]),
        .target(name: "RamuModel", dependencies: ["EventEngine", "RandomStreams"], exclude: ["README.md"]),
        .target(name: "ScenarioFiles", dependencies: ["RamuModel", .product(name: "Yams", package: "Yams")], exclude: ["README.md"]),
        .target(name: "OutputWriters", dependencies: ["RamuModel"], exclude: ["README.md"]),
        .target(name: "Briefing", dependencies: ["RamuModel", "OutputWriters", "CXlsxWriter"], exclude: ["README.md"]),
        .target(
            name: "RamuCLI",
            dependencies: [
                "RamuModel", "ScenarioFiles", "OutputWriters", "Briefing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(name: "ramusim", dependencies: ["RamuCLI"]),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),
        .testTarget(name: "EventEngineTests", dependencies: ["EventEngine"]),
        // The economists' cases (Cases/*.yaml) are read with Yams and set parameters by their scenario keys.
        .testTarget(name: "RamuModelTests", dependencies: ["RamuModel", "RandomStreams", "ScenarioFiles", .product(name: "Yams", package: "Yams")],
                    exclude: ["Cases"]),
        .testTarget(
            name: "ScenarioFilesTests",
            dependencies: ["ScenarioFiles", "RandomStreams", .product(name: "Yams", package: "Yams")],  // Yams: AliasExpansionTests' reference count
            exclude: ["FuzzCorpus"]  // replayed by FuzzCorpusTests
        ),
        .testTarget(name: "OutputWritersTests", dependencies: ["OutputWriters"]),
        .testTarget(name: "RamuCLITests", dependencies: ["RamuCLI", "ScenarioFiles", "OutputWriters", "RamuModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ramusim"]),
        .testTarget(name: "BriefingTests", dependencies: ["Briefing", "OutputWriters", "RamuModel"]),
        .testTarget(name: "BriefingEndToEndTests", dependencies: ["ramusim"], exclude: ["Scripts", "Reference"]),
    ]
)

// The libFuzzer target of the scenario loader, built only by `scripts/fuzz` (RAMUSIM_FUZZ=1, with
// -sanitize=fuzzer): ordinary builds and tests never see it. Its corpus is replayed by ScenarioFilesTests.
if ProcessInfo.processInfo.environment["RAMUSIM_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .executableTarget(name: "ScenarioFuzz", dependencies: ["ScenarioFiles", "CLibFuzzer"], path: "Tests/Fuzz/ScenarioFuzz"),
    ]
}
