import EventStore
import Foundation
import LMDB
import LedgerTesting
import Testing

@Suite("Processes sharing one ledger")
struct ConcurrencyTests {
    /// Four `ledger import` writers (own ids and streams, expectedVersion on every event, batches
    /// of 4) and four readers that check snapshot after snapshot: gapless, stream versions 1…n,
    /// and each writer's visible count on a batch boundary (a batch is seen whole or not at all).
    /// At the end every event is there exactly once, stream heads match the log, and verify holds.
    @Test func concurrentWritersAndReadersSeeAGaplessLogOfWholeBatches() throws {
        let dir = TemporaryDirectory("reliability-concurrent")
        let cli = LedgerCLI(path: dir.file("ledger"))
        let writers = 4
        let perWriter = 80
        let batch = 4
        #expect(try cli.run(["init"]).status == 0)
        let setup = [Events.charter, Events.admitLead] + (0..<writers).map { Events.admitSchool("sw\($0)") }
        let setupFile = dir.file("setup.jsonl")
        try setup.joined(separator: "\n").write(toFile: setupFile, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", setupFile]).status == 0)
        let total = setup.count + writers * perWriter
        let prefixes = (0..<writers).map { "w\($0)-" }
        let files = try (0..<writers).map { w in
            let file = dir.file("writer-\(w).jsonl")
            let lines = (0..<perWriter).map { Events.training($0, by: "sw\(w)", idPrefix: prefixes[w]) }
            try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        let stopFile = dir.file("stop")
        let readers = try (0..<4).map { _ in
            try ChildProcess(
                product: "ledger-torture",
                [
                    "watch", "--ledger", cli.path, "--prefixes", prefixes.joined(separator: ","),
                    "--totals", Array(repeating: String(perWriter), count: writers).joined(separator: ","),
                    "--batch-size", String(batch), "--until", String(total), "--stop-file", stopFile,
                ])
        }
        let running = try files.map { file in
            try ChildProcess(product: "ledger", ["import", file, "--batch-size", String(batch), "--ledger", cli.path])
        }
        let written = running.map { $0.wait(limit: 600) }
        FileManager.default.createFile(atPath: stopFile, contents: nil)
        let watched = readers.map { $0.wait(limit: 600) }
        for result in written { #expect(result.status == 0, "writer: \(result)") }
        for result in watched {
            #expect(result.status == 0, "reader: \(result)")
            #expect(result.stdout.hasPrefix("snapshots "), "reader printed no summary: \(result.stdout)")
        }
        let snapshot = try EventStore(path: cli.path).read {
            try LogInvariants.check($0, idPrefixes: prefixes, checkIndexes: true)
        }
        #expect(snapshot.violations.isEmpty, "\(snapshot.violations)")
        #expect(snapshot.head == UInt64(total))
        for prefix in prefixes { #expect(snapshot.countsByPrefix[prefix] == perWriter) }
        for w in 0..<writers { #expect(snapshot.streamVersions["member-sw\(w)"] == UInt64(perWriter + 1)) }
        #expect(try cli.verifies())
    }

    /// Four processes append 2 KB events to a store created with a 64 KiB map, each opening it
    /// with a 64 KiB map too: every one of them hits MDB_MAP_FULL and MDB_MAP_RESIZED over and
    /// over, while two readers watch. Nobody fails, and the log ends gapless with every event.
    @Test func mapGrowsUnderConcurrentWriters() throws {
        let dir = TemporaryDirectory("reliability-mapgrowth")
        let path = dir.file("ledger")
        let initialMap = 64 << 10
        do {
            var options = Environment.Options()
            options.initialMapSize = initialMap
            _ = try EventStore.create(path: path, ledgerId: "map-growth", options: options)
        }
        let writers = 4
        let perWriter = 240
        let batch = 8
        let prefixes = (0..<writers).map { "g\($0)" }
        let stopFile = dir.file("stop")
        let readers = try (0..<2).map { _ in
            try ChildProcess(
                product: "ledger-torture",
                [
                    "watch", "--ledger", path, "--prefixes", prefixes.map { $0 + "-" }.joined(separator: ","),
                    "--totals", Array(repeating: String(perWriter), count: writers).joined(separator: ","),
                    "--batch-size", String(batch), "--until", String(writers * perWriter), "--stop-file", stopFile,
                ])
        }
        let running = try prefixes.map { prefix in
            try ChildProcess(
                product: "ledger-torture",
                [
                    "child-raw-append", "--ledger", path, "--prefix", prefix, "--count", String(perWriter),
                    "--batch-size", String(batch), "--map-size", String(initialMap), "--payload", "2000",
                ])
        }
        let written = running.map { $0.wait(limit: 600) }
        FileManager.default.createFile(atPath: stopFile, contents: nil)
        let watched = readers.map { $0.wait(limit: 600) }
        for result in written {
            #expect(result.status == 0, "writer: \(result)")
            #expect(result.stdout.contains("done map"), "\(result.stdout.suffix(200))")
        }
        for result in watched { #expect(result.status == 0, "reader: \(result)") }
        let fileSize = try FileManager.default.attributesOfItem(atPath: path + "/data.mdb")[.size] as? Int ?? 0
        #expect(fileSize > 8 * initialMap, "the data never outgrew the initial map: \(fileSize) bytes")
        let snapshot = try EventStore(path: path).read {
            try LogInvariants.check($0, idPrefixes: prefixes.map { $0 + "-" }, checkIndexes: true)
        }
        #expect(snapshot.violations.isEmpty, "\(snapshot.violations)")
        #expect(snapshot.head == UInt64(writers * perWriter))
        for prefix in prefixes { #expect(snapshot.countsByPrefix[prefix + "-"] == perWriter) }
    }

    /// While another process keeps the ledger open (so LMDB does not simply reset its lock
    /// file), a reader SIGKILLed inside a read transaction leaves its slot behind; the next open
    /// clears it (`mdb_reader_check` in `Environment.init`). A reader that ends normally leaves
    /// nothing to clear.
    @Test func killedReadersSlotIsClearedOnOpen() throws {
        let dir = TemporaryDirectory("reliability-stale")
        let path = dir.file("ledger")
        do { _ = try EventStore.create(path: path) }
        let keeper = try ChildProcess(product: "ledger-torture", ["hold-read", "--ledger", path])
        defer {
            keeper.kill()
            keeper.wait(limit: 60)
        }
        #expect(keeper.readLine()?.hasPrefix("reading") == true)

        let polite = try ChildProcess.run("ledger-torture", ["hold-read", "--ledger", path, "--exit"], limit: 120)
        #expect(polite.status == 0, "\(polite)")
        #expect(try Environment(path: path).staleReadersCleared == 0)

        let reader = try ChildProcess(product: "ledger-torture", ["hold-read", "--ledger", path])
        let said = reader.readLine()
        #expect(said?.hasPrefix("reading") == true, "\(said ?? "nothing")")
        reader.kill()
        let ended = reader.wait(limit: 120)
        #expect(ended.outcome == .signalled(SIGKILL))
        #expect(try Environment(path: path).staleReadersCleared == 1)
        #expect(try Environment(path: path).staleReadersCleared == 0, "the slot was cleared by the first open")
    }
}
