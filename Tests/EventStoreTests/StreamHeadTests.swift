import EventStore
import Foundation
import LMDB
import LedgerTesting
import Testing

/// A stream's head is its last entry in the streams index (format 2): no table of heads.
@Suite("Stream heads")
struct StreamHeadTests {
    /// Names that sort next to each other, share a prefix, or hold the byte right after the
    /// index's NUL separator: each must read its own head, never a neighbour's.
    @Test(arguments: [
        ["a", "a\u{01}", "ab", "a b", "b"],
        ["member/学校-1", "member/学校-10", "member/学校-1\u{01}x", "member/"],
        ["x", String(repeating: "y", count: 300), String(repeating: "y", count: 299)],
    ])
    func eachStreamReadsItsOwnHead(names: [String]) throws {
        let dir = TemporaryDirectory()
        let store = try EventStore.create(path: dir.file("ledger"))
        var batch: [NewEvent] = []
        for (position, name) in names.enumerated() {
            for _ in 0...position {
                batch.append(EventFactory.event(batch.count, stream: name, id: "e-\(batch.count)"))
            }
        }
        try store.append(batch)
        for (position, name) in names.enumerated() {
            #expect(try store.streamVersion(name) == UInt64(position + 1), "\(name)")
        }
        // Streams never written, between and around the written ones.
        for absent in ["", "a\u{00}", "a\u{02}", "aa", "ac", "member/学校-2", "zzz", "0"] where !names.contains(absent) {
            #expect(try store.streamVersion(absent) == 0, "\(absent)")
        }
        // Expected versions check against the derived head, in a later transaction and inside a batch.
        let last = names[names.count - 1]
        let head = UInt64(names.count)
        try store.append([
            EventFactory.event(900, stream: last, expectedVersion: head, id: "e-900"),
            EventFactory.event(901, stream: last, expectedVersion: head + 1, id: "e-901"),
        ])
        #expect(throws: EventStoreError.self) {
            try store.append([EventFactory.event(902, stream: last, expectedVersion: head, id: "e-902")])
        }
        #expect(try store.streamVersion(last) == head + 2)
    }

    /// A ledger of format 1 kept a `heads` table. Opened for writing it loses the table and
    /// becomes format 2; its heads are read from the index, right whatever the old table said.
    @Test func aFormat1LedgerIsUpgradedWhenOpenedForWriting() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        do {
            let store = try EventStore.create(path: path)
            try store.append(EventFactory.batch(0..<10))  // streams 0, 1, 2: versions 4, 3, 3
        }
        try makeFormat1(path, staleHeads: ["stream-0": 99, "stream-1": 1])

        // Read-only, it is read as it is and left as it is.
        var readOnly = Environment.Options()
        readOnly.readOnly = true
        do {
            let store = try EventStore(path: path, options: readOnly)
            #expect(try store.streamVersion("stream-0") == 4)
            #expect(try store.verifyChain().isIntact)
        }
        #expect(try rawFormat(path) == "1")
        #expect(try hasHeadsTable(path))

        do {
            let store = try EventStore(path: path)
            #expect(try store.streamVersion("stream-0") == 4)
            #expect(try store.streamVersion("stream-1") == 3)
            let next = try store.append([EventFactory.event(10, stream: "stream-1", expectedVersion: 3, id: "evt-10")])
            #expect(next.sequences == [11])
            #expect(try store.verifyChain().isIntact)
        }
        // Checked with the store closed: one process must not open an environment twice.
        #expect(try rawFormat(path) == "2")
        #expect(try !hasHeadsTable(path))
    }

    /// The upgrade is one write like any other: when the map is full it grows the map and
    /// runs again (a ledger copied to another disk opens with a map just its file's size).
    @Test func theUpgradeRunsAgainWhenTheMapMustGrow() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        do {
            let store = try EventStore.create(path: path)
            try store.append(EventFactory.batch(0..<3_000, streams: 3_000))
        }
        var stale: [String: UInt64] = [:]
        for n in 0..<3_000 { stale["stream-\(n)"] = 7 }
        try makeFormat1(path, staleHeads: stale)
        var tight = Environment.Options()
        tight.initialMapSize = 1 << 16  // below the file's size: the map is the file
        do {
            let store = try EventStore(path: path, options: tight)
            #expect(try store.streamVersion("stream-5") == 1)
        }
        #expect(try rawFormat(path) == "2")
        #expect(try !hasHeadsTable(path))
    }

    /// A process that opened the ledger as format 1 (an older `ledger serve`) would go on
    /// reading and writing heads nobody else keeps: while one holds it open, this tool neither
    /// upgrades nor writes, and says which process to stop. Another process's LMDB lock is
    /// played by Python taking the same shared lock on the lock file's first byte.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/locks")))
    func theUpgradeWaitsForOtherProcessesToLetGo() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        do {
            let store = try EventStore.create(path: path)
            try store.append(EventFactory.batch(0..<6))
        }
        try makeFormat1(path, staleHeads: ["stream-0": 2])
        let holder = try ChildProcess(
            executable: "/usr/bin/env",
            [
                "python3", "-c",
                "import fcntl, sys, time\nf = open(sys.argv[1], 'r+')\nfcntl.lockf(f, fcntl.LOCK_SH, 1, 0)\nprint('locked', flush=True)\ntime.sleep(60)",
                path + "/lock.mdb",
            ])
        defer { holder.kill() }
        #expect(holder.readLine() == "locked")
        let error = #expect(throws: EventStoreError.self) { try EventStore(path: path) }
        #expect(error?.code == .upgradeBlocked)
        #expect(error?.message.contains("pid \(holder.pid)") == true)
        #expect(error?.message.contains("ledger serve") == true)
        holder.kill()
        _ = holder.wait(limit: 10)
        #expect(try rawFormat(path) == "1")
        #expect(try hasHeadsTable(path))
        do {
            let store = try EventStore(path: path)
            #expect(try store.streamVersion("stream-0") == 2)
        }
        #expect(try rawFormat(path) == "2")
    }

    @Test func aFormatThisToolDoesNotKnowIsRefusedByName() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        _ = try EventStore.create(path: path)
        do {
            let environment = try Environment(path: path)
            let meta = try environment.openDatabase("meta")
            try environment.write { txn in try txn.put(meta, "format", "7") }
        }
        let error = #expect(throws: EventStoreError.self) { try EventStore(path: path) }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("format 7") == true)
        #expect(error?.message.contains("1 and 2") == true)
    }

    // MARK: - Raw access, as a tool of format 1 would have left the files

    private func makeFormat1(_ path: String, staleHeads: [String: UInt64]) throws {
        let environment = try Environment(path: path)
        let meta = try environment.openDatabase("meta")
        let heads = try environment.openDatabase("heads")
        try environment.write { txn in
            try txn.put(meta, "format", "1")
            for (stream, version) in staleHeads { try txn.put(heads, stream, BigEndianKey(version)) }
        }
    }

    private func rawFormat(_ path: String) throws -> String? {
        let environment = try Environment(path: path)
        let meta = try environment.openDatabase("meta")
        return try environment.read { txn in
            try txn.get(meta, "format").map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private func hasHeadsTable(_ path: String) throws -> Bool {
        do {
            _ = try Environment(path: path).openDatabase("heads", create: false)
            return true
        } catch let error as LMDBError where error.code == LMDBError.notFound {
            return false
        }
    }
}
