// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ConsortiumLedger",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ledger", targets: ["ledger"]),
        .library(name: "ConsortiumLedger", targets: ["ConsortiumLedger"]),
        .executable(name: "consortium-gen", targets: ["ConsortiumGen"]),
        .executable(name: "ledger-bench", targets: ["LedgerBench"]),
        .executable(name: "lmdb-anchor", targets: ["LMDBAnchor"]),
        .executable(name: "ledger-torture", targets: ["LedgerTorture"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // Storage engine: only LMDB imports the C module.
        .systemLibrary(
            name: "CLMDB", path: "Sources/CLMDB", pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        // The one varint encoder, shared by payloads and stored records.
        .target(name: "LEB128"),
        .target(
            name: "EventStore",
            dependencies: ["LMDB", "Audit", "LEB128", .product(name: "Crypto", package: "swift-crypto")]),
        // Pure domain: event catalogue, codecs, rules. No I/O.
        .target(name: "Domain", dependencies: ["LEB128", .product(name: "Crypto", package: "swift-crypto")]),
        // Pure tamper evidence: Merkle tree, proofs, signed checkpoints.
        .target(name: "Audit", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Projections", dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "ConsortiumLedger",
            dependencies: ["EventStore", "Domain", "Projections", "Audit", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "ledger",
            dependencies: [
                // Only through the facade: no EventStore, no LMDB (see docs/DESIGN.md, Modules).
                "ConsortiumLedger", "Domain", "Audit", "Projections",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "LedgerTesting", dependencies: ["ConsortiumLedger", "EventStore", "Domain", "LMDB"]),

        // Tools: generator, benchmark harness, raw-LMDB C anchor.
        .executableTarget(name: "ConsortiumGen", path: "Tools/ConsortiumGen", exclude: ["README.md"]),
        .executableTarget(
            name: "LedgerBench",
            dependencies: ["ConsortiumLedger", "EventStore", "LMDB", "Domain"],
            path: "Tools/LedgerBench"),
        .executableTarget(name: "LMDBAnchor", dependencies: ["CLMDB"], path: "Tools/LMDBAnchor"),
        // Reliability: the long torture runs, and the child programs the reliability tests kill.
        .executableTarget(
            name: "LedgerTorture",
            dependencies: ["ConsortiumLedger", "EventStore", "LMDB", "Domain", "LedgerTesting"],
            path: "Tools/LedgerTorture"),

        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "LedgerTesting"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "RulesTests", dependencies: ["Domain"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit"], exclude: ["Vectors"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Domain", "LedgerTesting"]),
        .testTarget(
            name: "ConsortiumLedgerTests",
            dependencies: ["ConsortiumLedger", "LedgerTesting", "Domain", "Projections", "EventStore", "LMDB"]),
        .testTarget(name: "LedgerCLITests", dependencies: ["LedgerTesting", "Domain"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["ConsortiumLedger", "EventStore", "LMDB", "Domain", "LedgerTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
