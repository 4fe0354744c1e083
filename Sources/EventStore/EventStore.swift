import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only event log in one LMDB environment.
///
/// Open it once per process and share it. Writes serialise through LMDB's single writer
/// (also across processes); reads are snapshots that never block writers.
public final class EventStore: Sendable {
    public let environment: Environment
    /// Every database of the environment, opened once (the facade writes its own in the append transaction).
    package let dbs: LedgerSchema
    /// Stable identity of this ledger, chosen at `create`.
    public let ledgerId: String
    /// `hash_0` of the chain: SHA-256 of the ledger id.
    public let genesisHash: ChainHash
    /// The storage layout this tool writes. 2: no `heads` database (a stream's head is read from
    /// `streams`). A format-1 ledger is read as it is and upgraded when opened for writing.
    public static let formatVersion = "2"
    /// Every layout this tool reads.
    static let readableFormats: Set<String> = ["1", "2"]

    /// Opens an existing ledger; throws `.notALedger` when there is none at `path`.
    public convenience init(path: String, options: Environment.Options = .init()) throws {
        guard access(path + "/data.mdb", F_OK) == 0 else {
            // A directory this user may not search hides its ledger: say so, not "no ledger".
            if errno == EACCES || errno == EPERM {
                throw EventStoreError(
                    .permissionDenied,
                    "permission denied: \(path) cannot be read by this user (check the owner and mode of the directory; a ledger is 0700)"
                )
            }
            throw EventStoreError(.notALedger, "no ledger at \(path) (create one with `ledger init`)")
        }
        try self.init(environment: try EventStore.openEnvironment(path, options))
    }

    /// Creates a ledger at `path` (or opens it if it already holds one with this id policy).
    public static func create(
        path: String, ledgerId: String? = nil, creator: String = "ledger", settings: [String: String] = [:],
        options: Environment.Options = .init()
    ) throws -> EventStore {
        let environment = try openEnvironment(path, options)
        // An existing directory given to `init` is tightened too, and the files whatever the umask:
        // the ledger is not world-readable.
        chmod(path, 0o700)
        for file in ["data.mdb", "lock.mdb"] { chmod(path + "/" + file, 0o600) }
        let dbs = try LedgerSchema(environment: environment)
        let id = ledgerId ?? randomUUID()
        try environment.write { txn in
            guard try txn.get(dbs.meta, "format") == nil else { return }
            let genesis = Array(id.utf8).withUnsafeBytes { ChainHash.digest($0) }
            try txn.put(dbs.meta, "format", formatVersion)
            try txn.put(dbs.meta, "ledgerId", id)
            try txn.put(dbs.meta, "genesis", genesis.bytes)
            try txn.put(dbs.meta, "creator", creator)
            try txn.put(dbs.meta, "createdAt", String(currentMilliseconds()))
            for (key, value) in settings { try txn.put(dbs.meta, "setting." + key, value) }
        }
        return try EventStore(environment: environment)
    }

    private static func openEnvironment(_ path: String, _ options: Environment.Options) throws -> Environment {
        do {
            return try Environment(path: path, options: options)
        } catch let error as LMDBError {
            throw EventStoreError(.storage, "cannot open ledger at \(path): \(error)", underlying: error)
        }
    }

    init(environment: Environment) throws {
        self.environment = environment
        let dbs = try LedgerSchema(environment: environment)
        self.dbs = dbs
        let path = environment.path
        var format = ""
        (ledgerId, genesisHash) = try environment.read { txn in
            guard let stored = try txn.get(dbs.meta, "format") else {
                throw EventStoreError(.notALedger, "no ledger at \(path) (create one with `ledger init`)")
            }
            format = String(decoding: stored, as: UTF8.self)
            guard EventStore.readableFormats.contains(format) else {
                throw EventStoreError(
                    .unsupportedFormat,
                    "ledger at \(path) has format \(format); this tool (format \(EventStore.formatVersion)) reads formats \(EventStore.readableFormats.sorted().joined(separator: " and "))"
                )
            }
            let id = try txn.get(dbs.meta, "ledgerId").map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard let genesis = try txn.get(dbs.meta, "genesis").flatMap({ ChainHash(bytes: $0) }) else {
                throw EventStoreError(.corruptRecord, "ledger at \(path) has no genesis hash in its meta database")
            }
            return (id, genesis)
        }
        if format == "1", !environment.isReadOnly { try Self.upgradeFromFormat1(environment, dbs) }
    }

    /// Drops the `heads` database of format 1 and records format 2, in one transaction: after
    /// it no tool of format 1 opens the ledger, so no writer is left to keep `heads` (nothing
    /// reads it any more).
    ///
    /// A process that opened the ledger as format 1 (an older `ledger serve`) keeps using its
    /// heads, so neither may write beside the other: while another process holds the
    /// environment open the upgrade is refused, naming it. Checked inside the write transaction,
    /// so only a process that opens the ledger during the upgrade's own commit goes unseen; and
    /// only where the system lists locks (`Environment.otherProcessesHoldingIt`: Linux).
    private static func upgradeFromFormat1(_ environment: Environment, _ dbs: LedgerSchema) throws {
        try environment.write { txn in
            guard try txn.get(dbs.meta, "format").map({ Array($0) }) == Array("1".utf8) else { return }
            let others = environment.otherProcessesHoldingIt
            guard others.isEmpty else {
                throw EventStoreError(
                    .upgradeBlocked,
                    "ledger at \(environment.path) has storage format 1, which this tool upgrades to format 2 before it writes, but another process has it open (pid \(others.map(String.init).joined(separator: ", ")), perhaps an older `ledger serve`): stop it, then run this again"
                )
            }
            try txn.dropDatabase(named: LedgerSchema.Name.retiredHeads)
            try txn.put(dbs.meta, "format", formatVersion)
        }
    }

    /// Runs `body` in one write transaction and commits synchronously when it returns.
    /// The closure may run again if the map has to grow: keep its effects in the transaction.
    public func write<R>(_ body: (LogWriter) throws -> R) throws -> R {
        let recordedAt = currentMilliseconds()
        return try environment.write { txn in
            try body(LogWriter(transaction: txn, dbs: dbs, genesis: genesisHash, recordedAt: recordedAt))
        }
    }

    /// Appends one batch durably (all or nothing) and returns each event's sequence.
    @discardableResult
    public func append(_ batch: [NewEvent]) throws -> AppendResult {
        try write { try $0.appendBatch(batch) }
    }

    /// Runs `body` on a consistent snapshot.
    public func read<R>(_ body: (LogReader) throws -> R) throws -> R {
        try environment.read { txn in try body(LogReader(transaction: txn, dbs: dbs, genesis: genesisHash)) }
    }

    /// A setting recorded at creation (e.g. `requireSignatures`).
    public func setting(_ key: String) throws -> String? {
        try environment.read { txn in
            try txn.get(dbs.meta, "setting." + key).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}

/// Milliseconds since the Unix epoch, from the wall clock.
public func currentMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}

/// A random RFC 4122 version-4 UUID in lower-case text form.
public func randomUUID() -> String {
    var rng = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { b in String(b, radix: 16).count == 1 ? "0" + String(b, radix: 16) : String(b, radix: 16) }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
}
