import Crypto
import Domain
import Foundation
import Projections

/// Every tier read model folded forward from one snapshot to the next in write-back caches, so
/// that what changed in between — the next snapshot's delta — is known exactly. The
/// checkpointer runs it over the stored snapshot, the audit over a replay from zero.
struct SnapshotFold<Base: ProjectionStore> {
    /// One model's changed entries since the base, in key order, and their digest.
    struct Delta {
        var model: TierModel
        var entries: [(key: [UInt8], value: [UInt8])]
        var digest: String
        var bytes: Int { entries.reduce(0) { $0 + $1.key.count + $1.value.count } }
    }

    let models: [TierModel]
    private(set) var stores: [TouchRecordingStore<Base>]
    /// Per model, the value at the previous boundary of each key changed since the base (a
    /// key not here had its base value then), so one fold can yield several snapshots in turn.
    private var atLastBoundary: [[ByteKey: [UInt8]]]

    init(models: [TierModel] = TierModel.allCases, bases: [Base]) {
        precondition(models.count == bases.count, "one base store per read model")
        self.models = models
        stores = bases.map { TouchRecordingStore(cache: WriteBackCache(base: $0)) }
        atLastBoundary = models.map { _ in [:] }
    }

    mutating func apply(_ event: DomainEvent, _ context: EventContext) throws {
        for index in models.indices { try models[index].apply(event, context, to: &stores[index]) }
    }

    /// The entries whose value differs from the previous boundary (the base, the first time),
    /// which becomes this boundary: only the keys touched since are looked at. The projection's
    /// bookkeeping under the meta prefix is left out, as in `ReadModelDigest`.
    mutating func deltas() throws -> [Delta] {
        try models.indices.map { index in
            let touched = stores[index].touched.sorted()
            stores[index].touched.removeAll(keepingCapacity: true)
            var changed: [(key: [UInt8], value: [UInt8])] = []
            for key in touched where key.bytes.first != 0 {
                guard let value = try stores[index].cache.get(key.bytes) else { continue }
                let before = try atLastBoundary[index][key] ?? stores[index].cache.base.get(key.bytes)
                if before != value {
                    changed.append((key.bytes, value))
                    atLastBoundary[index][key] = value
                }
            }
            return Delta(model: models[index], entries: changed, digest: Self.digest(changed))
        }
    }

    /// SHA-256 in `ReadModelDigest`'s framing (length-prefixed keys and values, key order).
    static func digest(_ entries: [(key: [UInt8], value: [UInt8])]) -> String {
        var hasher = DeltaHasher()
        for entry in entries { hasher.add(key: entry.key, value: entry.value) }
        return hasher.hex()
    }

    /// A snapshot's whole-model digest: the previous one chained with this delta's.
    static func chained(_ previous: String, _ delta: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(previous.utf8))
        hasher.update(data: Array(delta.utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// A write-back cache that remembers which keys were written since the last boundary.
struct TouchRecordingStore<Base: ProjectionStore>: ProjectionStore {
    var cache: WriteBackCache<Base>
    var touched: Set<ByteKey> = []

    func get(_ key: [UInt8]) throws -> [UInt8]? { try cache.get(key) }

    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        touched.insert(ByteKey(key))
        try cache.put(key, value)
    }

    mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        touched.insert(ByteKey(key))
        return try cache.update(key, body)
    }

    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        try cache.forEach(prefix: prefix, body)
    }
}

/// Hashes entries in `ReadModelDigest`'s framing incrementally (the audit feeds stored
/// versions one by one while walking the versioned store).
struct DeltaHasher {
    private var hasher = SHA256()

    mutating func add(key: some Collection<UInt8>, value: some Collection<UInt8>) {
        feed(UInt32(truncatingIfNeeded: key.count))
        hasher.update(data: Array(key))
        feed(UInt32(truncatingIfNeeded: value.count))
        hasher.update(data: Array(value))
    }

    func hex() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private mutating func feed(_ length: UInt32) {
        withUnsafeBytes(of: length.bigEndian) { hasher.update(bufferPointer: $0) }
    }
}
