import LMDB

/// The index entries of one batch — or, deferred, of every batch of a transaction — kept in
/// memory until they can be written in key order. Lookups consult these before the databases.
///
/// The entries are kept as the bytes they will be written as (`SortedKeys`). Ids are found
/// through a table keyed by a 64-bit hash of those bytes, every hit compared with them, so a
/// million deferred ids are not stored twice; stream versions, one per stream, are kept in a
/// `BytesTable`. Why: deferred, a dictionary keyed by the id and stream `String`s hashed and
/// compared each of them twice per event (a sixth of an import's writer) and kept every id's
/// string alive beside its bytes.
struct PendingIndexes {
    /// Where an id was recorded: its entry in `ids` and its place in its batch.
    private struct IdSlot {
        var entry: Int32
        var batchIndex: Int32
    }

    /// The ids index's entries in the order recorded.
    private(set) var ids: SortedKeys
    /// The streams index's entries (`stream ‖ NUL ‖ version`) in the order recorded.
    private(set) var streams: SortedKeys
    private var idSlots: [UInt64: IdSlot]
    /// Ids whose hash another one took first: looked up by their text.
    private var idCollisions: [String: IdSlot] = [:]
    /// Each stream's newest version.
    private var heads: BytesTable<UInt64>
    /// Tests set it to give every key the same hash, to exercise the collision path.
    private let everyKeyCollides: Bool

    init(capacity: Int, everyKeyCollides: Bool = false) {
        ids = SortedKeys(capacity: capacity)
        streams = SortedKeys(capacity: capacity)
        idSlots = Dictionary(minimumCapacity: capacity)
        heads = BytesTable(everyKeyCollides: everyKeyCollides)
        self.everyKeyCollides = everyKeyCollides
    }

    /// The sequence and batch index an id was recorded at, if it was.
    func recorded(id: String) -> (sequence: UInt64, batchIndex: Int)? {
        Self.withUTF8(id) { bytes in
            guard let slot = idSlots[everyKeyCollides ? 42 : WordMixHash.hash(bytes)] else { return nil }
            let found = ids.key(Int(slot.entry), is: bytes) ? slot : idCollisions[id]
            return found.map { (ids.entries[Int($0.entry)].value, Int($0.batchIndex)) }
        }
    }

    /// The newest version recorded for `stream`, if any.
    func version(ofStream stream: String) -> UInt64? {
        Self.withUTF8(stream) { heads.value(for: $0) }
    }

    mutating func record(id: String, stream: String, version: UInt64, sequence: UInt64, batchIndex: Int) {
        let idSlot = IdSlot(entry: Int32(ids.entries.count), batchIndex: Int32(batchIndex))
        let streamEntry = streams.entries.count
        ids.add(id, value: sequence)
        streams.add(stream, suffix: version, value: sequence)
        // Hashed from the bytes just added: no second walk of the strings.
        let idHash = everyKeyCollides ? 42 : ids.withKey(Int(idSlot.entry), WordMixHash.hash)
        // An id is recorded once (a second time it is a duplicate), so a slot already taken
        // belongs to another id with the same hash.
        if let taken = idSlots.updateValue(idSlot, forKey: idHash) {
            idSlots[idHash] = taken
            idCollisions[id] = idSlot
        }
        streams.withKey(streamEntry, droppingLast: 9) { heads.set(version, for: $0) }
    }

    /// Writes every entry, each database in ascending key order (LMDB's memcmp order).
    func write(to txn: Transaction, dbs: LedgerSchema) throws {
        var ids = self.ids
        try ids.write(to: txn, dbs.ids)
        var streams = self.streams
        try streams.write(to: txn, dbs.streams)
    }

    private static func withUTF8<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBytes(body)
    }

}
