// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CentralD",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "centrald", targets: ["centrald"])
    ],
    targets: [
        // C interop: module maps + small static-inline shims.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CUchardet", pkgConfig: "uchardet", providers: [.apt(["libuchardet-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "Core", dependencies: ["CUchardet", "CXML2", "CCmark"],
                resources: [.copy("Resources")]),
        .target(name: "Data", dependencies: ["Core", "CLibPQ"], resources: [.copy("Migrations")]),
        .target(name: "CentralTUI", dependencies: ["Core", "CNcurses"]),
        .target(name: "Embedding", dependencies: ["Core", "COpenBLAS", "CCurl"]),
        .executableTarget(name: "centrald", dependencies: ["Core", "Data", "CentralTUI", "Embedding"]),
        .executableTarget(name: "bench-parse", dependencies: ["Core"], path: "bench/ParseBench"),
        .executableTarget(name: "bench-match", dependencies: ["Core", "Data"], path: "bench/MatchBench"),

        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "DataTests", dependencies: ["Core", "Data"]),
        .testTarget(name: "CentralTUITests", dependencies: ["Core", "CentralTUI"]),
        // Runs the real `centrald` binary (built by `swift build`) against its own PostgreSQL, and in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["Data"]),
        // The labelled title pairs are read from the source tree (#filePath), not bundled.
        .testTarget(name: "EmbeddingTests", dependencies: ["Core", "Embedding"], exclude: ["Fixtures"]),
    ]
)
