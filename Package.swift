// swift-tools-version:6.0
import PackageDescription

// The hot path (import, replay, audit, a mirror's folds) calls generic code across the core
// modules: the read models' projectors fold into a cache whose store type lives in the facade.
// Without cross-module optimization those calls stay unspecialized (witness tables, generic
// metadata looked up per call); with it, a mirror copy took about a tenth less CPU. Release
// builds only (debug builds and `swift test` are unchanged); docs/PERFORMANCE.md, "Build".
let crossModuleOptimized: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))
]

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
        // The network service (LedgerServer, LedgerClient) only: the core modules stay free of NIO.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The province's PostgreSQL sink (PostgresSink) only.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Storage engine: only LMDB imports the C module.
        .systemLibrary(
            name: "CLMDB", path: "Sources/CLMDB", pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]),
        .target(name: "LMDB", dependencies: ["CLMDB"], swiftSettings: crossModuleOptimized),
        // The one varint encoder, shared by payloads and stored records.
        .target(name: "LEB128", swiftSettings: crossModuleOptimized),
        .target(
            name: "EventStore",
            dependencies: ["LMDB", "Audit", "LEB128", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: crossModuleOptimized),
        // Pure domain: event catalogue, codecs, rules. No I/O. Each event type is declared once in
        // an `.events` file; the plugin generates its Swift at build time (docs/DESIGN.md, Event catalogue).
        .target(
            name: "Domain", dependencies: ["LEB128", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: crossModuleOptimized, plugins: ["EventCataloguePlugin"]),
        .executableTarget(name: "EventCatalogueGen", path: "Tools/EventCatalogueGen"),
        .plugin(name: "EventCataloguePlugin", capability: .buildTool(), dependencies: ["EventCatalogueGen"]),
        // Pure tamper evidence: Merkle tree, proofs, signed checkpoints.
        .target(
            name: "Audit", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: crossModuleOptimized),
        .target(
            name: "Projections", dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: crossModuleOptimized),
        .target(
            name: "ConsortiumLedger",
            dependencies: [
                "EventStore", "Domain", "Projections", "Audit", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: crossModuleOptimized),
        // The HTTP service over the facade: routes, tokens and roles, the SSE feed.
        .target(
            name: "LedgerServer",
            dependencies: [
                "ConsortiumLedger", "Domain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/openapi.json")]),
        // The remote side: `--remote` calls of the CLI.
        .target(
            name: "LedgerClient",
            dependencies: [
                "ConsortiumLedger", "Domain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "ledger",
            dependencies: [
                // Only through the facade: no EventStore, no LMDB (see docs/DESIGN.md, Modules).
                "ConsortiumLedger", "Domain", "Audit", "Projections", "LedgerServer", "LedgerClient", "PostgresSink",
                "Replication",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The province's view: one ledger (local or its HTTP feed) followed into PostgreSQL.
        .target(
            name: "PostgresSink",
            dependencies: [
                "ConsortiumLedger", "Domain", "Projections",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Migrations")]),
        // Independent copies: C2SP witnesses (server and client) and mirrors; the only NIO user
        // besides the network service.
        .target(
            name: "Replication",
            dependencies: [
                "ConsortiumLedger", "Audit", "LedgerClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "LedgerTesting", dependencies: ["ConsortiumLedger", "EventStore", "Domain", "LMDB"]),

        // Tools: generator, benchmark harness, raw-LMDB C anchor.
        .executableTarget(name: "ConsortiumGen", path: "Tools/ConsortiumGen", exclude: ["README.md"]),
        .executableTarget(
            name: "LedgerBench",
            dependencies: [
                "ConsortiumLedger", "EventStore", "LMDB", "Domain", "LedgerClient", "PostgresSink", "Replication",
                "Audit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tools/LedgerBench"),
        .executableTarget(name: "LMDBAnchor", dependencies: ["CLMDB"], path: "Tools/LMDBAnchor"),
        // Reliability: the long torture runs, and the child programs the reliability tests kill.
        .executableTarget(
            name: "LedgerTorture",
            dependencies: ["ConsortiumLedger", "EventStore", "LMDB", "Domain", "LedgerTesting"],
            path: "Tools/LedgerTorture"),

        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "LedgerTesting"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], exclude: ["Events/Fixtures"]),
        .testTarget(name: "RulesTests", dependencies: ["Domain", "LedgerTesting"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit"], exclude: ["Vectors"]),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "Domain", "LedgerTesting", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(
            name: "ConsortiumLedgerTests",
            dependencies: ["ConsortiumLedger", "LedgerTesting", "Domain", "Projections", "EventStore", "LMDB"],
            exclude: ["Fixtures"]),
        .testTarget(name: "LedgerCLITests", dependencies: ["LedgerTesting", "Domain"]),
        .testTarget(
            name: "LedgerServerTests",
            dependencies: [
                "LedgerServer", "LedgerClient", "ConsortiumLedger", "Domain", "LedgerTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        .testTarget(
            name: "PostgresSinkTests",
            dependencies: [
                "PostgresSink", "ConsortiumLedger", "LedgerTesting", "Domain", "Projections",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(
            name: "ReplicationTests",
            dependencies: [
                "Replication", "Audit", "ConsortiumLedger", "EventStore", "LMDB", "LedgerTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["ConsortiumLedger", "EventStore", "LMDB", "Domain", "LedgerTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
