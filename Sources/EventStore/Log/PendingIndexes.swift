import LMDB

/// The index entries of one batch — or, deferred, of every batch of a transaction — kept in
/// memory until they can be written in key order. Lookups consult these before the databases.
///
/// The entries are kept as the bytes they will be written as (`SortedKeys`), and looked up
/// through tables keyed by a 64-bit hash of those bytes, each hit checked against them. Why:
/// deferred, the tables hold a million ids; a dictionary keyed by the `String`s hashed and
/// compared each of them twice per event (a sixth of an import's writer) and kept every id's
/// string alive beside its bytes.
struct PendingIndexes {
    /// Where an id was recorded: its entry in `ids` and its place in its batch.
    private struct IdSlot {
        var entry: Int32
        var batchIndex: Int32
    }

    /// A stream's newest entry in `streams` and its version.
    private struct Head {
        var entry: Int32
        var version: UInt64
    }

    /// The ids index's entries in the order recorded.
    private(set) var ids: SortedKeys
    /// The streams index's entries (`stream ‖ NUL ‖ version`) in the order recorded.
    private(set) var streams: SortedKeys
    private var idSlots: [UInt64: IdSlot]
    private var heads: [UInt64: Head] = [:]
    /// Ids and streams whose hash another one took first: looked up by their text.
    private var idCollisions: [String: IdSlot] = [:]
    private var headCollisions: [String: Head] = [:]
    /// Tests set it to give every key the same hash, to exercise the collision path.
    private let everyKeyCollides: Bool

    init(capacity: Int, everyKeyCollides: Bool = false) {
        ids = SortedKeys(capacity: capacity)
        streams = SortedKeys(capacity: capacity)
        idSlots = Dictionary(minimumCapacity: capacity)
        self.everyKeyCollides = everyKeyCollides
    }

    private func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        everyKeyCollides ? 42 : Self.hash(bytes)
    }

    /// The sequence and batch index an id was recorded at, if it was.
    func recorded(id: String) -> (sequence: UInt64, batchIndex: Int)? {
        Self.withUTF8(id) { bytes in
            guard let slot = idSlots[hash(bytes)] else { return nil }
            let found = ids.key(Int(slot.entry), is: bytes) ? slot : idCollisions[id]
            return found.map { (ids.entries[Int($0.entry)].value, Int($0.batchIndex)) }
        }
    }

    /// The newest version recorded for `stream`, if any.
    func version(ofStream stream: String) -> UInt64? {
        Self.withUTF8(stream) { bytes in
            guard let head = heads[hash(bytes)] else { return nil }
            if streams.key(Int(head.entry), is: bytes, followedBy: 9) { return head.version }
            return headCollisions[stream]?.version
        }
    }

    mutating func record(id: String, stream: String, version: UInt64, sequence: UInt64, batchIndex: Int) {
        let idSlot = IdSlot(entry: Int32(ids.entries.count), batchIndex: Int32(batchIndex))
        let head = Head(entry: Int32(streams.entries.count), version: version)
        ids.add(id, value: sequence)
        streams.add(stream, suffix: version, value: sequence)
        // Hashed from the bytes just added: no second walk of the strings.
        let idHash = everyKeyCollides ? 42 : ids.withKey(Int(idSlot.entry), Self.hash)
        // An id is recorded once (a second time it is a duplicate), so a slot already taken
        // belongs to another id with the same hash.
        if let taken = idSlots.updateValue(idSlot, forKey: idHash) {
            idSlots[idHash] = taken
            idCollisions[id] = idSlot
        }
        let streamHash = everyKeyCollides ? 42 : streams.withKey(Int(head.entry), droppingLast: 9, Self.hash)
        if let taken = heads.updateValue(head, forKey: streamHash),
            !streams.withKey(Int(head.entry), droppingLast: 9, { streams.key(Int(taken.entry), is: $0, followedBy: 9) })
        {
            heads[streamHash] = taken
            headCollisions[stream] = head
        }
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

    /// A 64-bit mix of the bytes, a word at a time; only for these in-memory tables (every hit
    /// is compared with the bytes, so its quality decides speed, never an answer).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}
