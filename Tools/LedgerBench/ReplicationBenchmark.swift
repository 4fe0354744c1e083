import Audit
import ConsortiumLedger
import Foundation
import Replication

/// Mirror catch-up (`ledger mirror` copying a whole ledger from `ledger serve --http`, every
/// record parsed, re-linked and re-hashed, its payload decoded into the read models, the
/// Merkle root and checkpoint checked) and the time for three
/// `ledger witness serve` processes to cosign one checkpoint over loopback.
struct ReplicationBenchmark {
    let bench: LedgerBenchmarks
    var ledgerBinary: String { bench.binDirectory.appendingPathComponent("ledger").path }

    /// Runs `ledger` to completion; returns its standard output.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ledgerBinary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("ledger \(arguments.prefix(2)) exited \(process.terminationStatus)")
        }
        return text
    }

    /// Starts a `ledger` server child and returns it with the URL its "listening on" line names.
    func start(_ arguments: [String]) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ledgerBinary)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        while true {
            let line = String(decoding: out.fileHandleForReading.availableLineData(), as: UTF8.self)
            if line.isEmpty, !process.isRunning { throw BenchError("ledger \(arguments.prefix(2)) did not start") }
            if let range = line.range(of: "listening on ") {
                return (process, String(line[range.upperBound...].prefix { $0 != " " }))
            }
        }
    }

    /// Events per second of a full mirror of `ledgerPath` (a checkpoint is signed first).
    func mirrorCatchUp(ledgerPath: String) throws -> (events: Int, rate: Double) {
        let ledger = try Ledger(path: ledgerPath)
        let events = Int(try ledger.checkpoint().checkpoint.size)
        let token =
            try run(["token", "issue", "--member", "gov-001", "--role", "auditor", "--ledger", ledgerPath])
            .split(separator: "\n").first.map(String.init) ?? ""
        let (server, url) = try start(["serve", "--ledger", ledgerPath, "--http", "127.0.0.1:0"])
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let target = bench.scratch + "/mirror-\(getpid())"
        try? FileManager.default.removeItem(atPath: target)
        defer { try? FileManager.default.removeItem(atPath: target) }
        // The jobs before (an import of the whole ledger) leave a gigabyte of dirty pages that the
        // kernel writes back for seconds; the mirror's synced commits would queue behind them.
        sync()
        let before = cpuTimes(of: RUSAGE_CHILDREN)
        let start = Date()
        try run(["mirror", "--from", url, "--to", target], environment: ["LEDGER_TOKEN": token])
        let seconds = Date().timeIntervalSince(start)
        // System time shows why a copy ran slow: on a virtual machine, a copy right after jobs
        // that freed gigabytes spends several times the usual kernel time on fresh pages.
        let after = cpuTimes(of: RUSAGE_CHILDREN)
        let line = String(
            format: "  mirror copy: %.2f s, %.2f user + %.2f system CPU-s\n", seconds, after.user - before.user,
            after.system - before.system)
        FileHandle.standardError.write(Data(line.utf8))
        return (events, Double(events) / seconds)
    }

    /// Milliseconds (p50, p99) for three witnesses to cosign a new checkpoint, over `rounds`
    /// rounds of 100 new leaves, and the same for a bare loopback HTTP round trip to each.
    func witnessCosign(rounds: Int) throws -> (p50: Double, p99: Double, anchorP50: Double) {
        let dir = bench.scratch + "/witness-bench-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let logKey = try LedgerSigningKey.generate(name: "bench-log")
        let origin = "bench.consortium.example/log"
        try logKey.publicKey.write(to: dir + "/log.pub")
        var servers: [Process] = []
        defer {
            for server in servers {
                server.terminate()
                server.waitUntilExit()
            }
        }
        var endpoints: [WitnessEndpoint] = []
        for index in 1...3 {
            try run(["witness", "keygen", "--name", "w\(index).bench", "--out", dir + "/w\(index).key"])
            let (server, url) = try start([
                "witness", "serve", "--http", "127.0.0.1:0", "--key", dir + "/w\(index).key",
                "--log", "\(origin)=\(dir)/log.pub", "--state", dir + "/w\(index).state",
            ])
            servers.append(server)
            endpoints.append(
                WitnessEndpoint(
                    name: "w\(index)", url: url, key: try CosignerPublicKey.load(from: dir + "/w\(index).pub")))
        }
        let witnesses = endpoints
        let collector = CosignatureCollector(witnesses: witnesses)
        var accumulator = MerkleAccumulator()
        var nodes = InMemoryMerkleNodeStore()
        var times: [Double] = []
        var anchors: [Double] = []
        for round in 0...rounds {
            for leaf in 0..<100 {
                try accumulator.append(leafHash: Merkle.leafHash(Array("r\(round)-\(leaf)".utf8)), into: &nodes)
            }
            let note = try logKey.sign(try Checkpoint(origin: origin, size: accumulator.size, root: accumulator.root))
            let store = nodes
            let size = accumulator.size
            let start = Date()
            let cosigned = try blocking {
                await collector.collect(note) { old in
                    try ConsistencyProof(oldSize: old, newSize: size, store: store).hashes
                }.note
            }
            let elapsed = Date().timeIntervalSince(start) * 1000
            guard cosigned.cosigners(among: endpoints.map(\.key)).count == 3 else {
                throw BenchError("a witness did not cosign")
            }
            let anchorStart = Date()
            try blocking {
                await withThrowingTaskGroup(of: Void.self) { group in
                    for endpoint in witnesses {
                        group.addTask { _ = try await WitnessClient().health(endpoint) }
                    }
                }
            }
            let anchor = Date().timeIntervalSince(anchorStart) * 1000
            if round > 0 {  // the first round includes the witnesses' 409 handshake from size 0
                times.append(elapsed)
                anchors.append(anchor)
            }
        }
        return (percentile(times, 0.5), percentile(times, 0.99), percentile(anchors, 0.5))
    }
}
