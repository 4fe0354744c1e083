import LMDB

/// The event log's named databases (DESIGN.md "Storage").
struct LedgerDatabases: Sendable {
    /// sequence (u64 BE) → stored record.
    let events: Database
    /// stream ‖ 0x00 ‖ version (u64 BE) → sequence (u64 BE).
    let streams: Database
    /// stream → head version (u64 BE), for expected-version checks without a scan.
    let heads: Database
    /// event id → sequence (u64 BE), for idempotent re-sends.
    let ids: Database
    /// format version, ledger id, genesis hash, creator, settings.
    let meta: Database

    init(environment: Environment) throws {
        events = try environment.openDatabase("events")
        streams = try environment.openDatabase("streams")
        heads = try environment.openDatabase("heads")
        ids = try environment.openDatabase("ids")
        meta = try environment.openDatabase("meta")
    }
}

/// Key of one stream entry: the stream name, a NUL separator and the big-endian version.
struct StreamKey: LMDBBytes {
    let stream: String
    let version: UInt64

    func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var key = Array(stream.utf8)
        key.append(0)
        withUnsafeBytes(of: version.bigEndian) { key.append(contentsOf: $0) }
        return try key.withUnsafeBytes(body)
    }
}
