// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "handbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // A small HTTP server on Swift concurrency; it builds in seconds, where
        // the NIO-based ones add minutes to a fresh clone's first build.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // TOML, for the mdBook and Hugo configurations and Hugo's `+++` front matter
        // that `handbook import` reads.
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // ZIP, for the EPUB container that `handbook epub` writes.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Debian's cmark-gfm, the only Markdown parser the project uses.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // glibc's mallopt, for the command line's memory tuning.
        .systemLibrary(name: "CMalloc"),
        // The pipeline: Load → Parse → Render → Write, one folder per stage.
        .target(
            name: "HandbookKit",
            dependencies: [
                "CMarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Theme/Builtin")]
        ),
        // `handbook serve`: the site from memory, rebuilt and reloaded on every save.
        .target(
            name: "HandbookServer",
            dependencies: [
                "HandbookKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The thin command line on top of the pipeline.
        .executableTarget(
            name: "handbook",
            dependencies: [
                "CMalloc",
                "HandbookKit",
                "HandbookServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz harness: one input through the whole page pipeline, in memory,
        // with the invariants checked. The tests replay the corpus through it.
        .target(
            name: "HandbookFuzzing",
            dependencies: ["HandbookKit"]
        ),
        // The libFuzzer target; see README, "Fuzzing", for the sanitizer build.
        .executableTarget(
            name: "HandbookFuzz",
            dependencies: ["HandbookFuzzing"]
        ),
        .testTarget(
            name: "HandbookKitTests",
            // Yams for the schema tests, which read YAML as an editor's validator does;
            // ZIPFoundation to read the EPUBs back.
            dependencies: ["HandbookKit", "HandbookFuzzing", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "HandbookServerTests",
            dependencies: ["HandbookServer", "HandbookKit"]
        ),
    ]
)
