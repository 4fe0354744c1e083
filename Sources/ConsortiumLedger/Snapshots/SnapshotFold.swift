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

        init(model: TierModel, entries: [(key: [UInt8], value: [UInt8])]) {
            self.model = model
            self.entries = entries
            digest = SnapshotFold.digest(entries)
        }
    }

    let models: [TierModel]
    private(set) var stores: [BoundaryDeltaStore<Base>]

    init(models: [TierModel] = TierModel.allCases, bases: [Base]) {
        precondition(models.count == bases.count, "one base store per read model")
        self.models = models
        stores = bases.map { BoundaryDeltaStore(base: $0) }
    }

    mutating func apply(_ event: DomainEvent, _ context: EventContext) throws {
        for index in models.indices { try models[index].apply(event, context, to: &stores[index]) }
    }

    /// Each model's entries whose value differs from the previous boundary (the base, the
    /// first time), which becomes this boundary (see `BoundaryDeltaStore.takeDelta()`).
    mutating func deltas() throws -> [Delta] {
        models.indices.map { index in
            Delta(model: models[index], entries: stores[index].takeDelta())
        }
    }

    /// SHA-256 in `ReadModelDigest`'s framing (length-prefixed keys and values, key order).
    static func digest(_ entries: [(key: [UInt8], value: [UInt8])]) -> String {
        var hasher = FramedDigest()
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
