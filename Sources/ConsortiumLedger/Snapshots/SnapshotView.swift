import LMDB
import Projections

/// One tier read model as it stood at a snapshot: the newest stored version of every key at or
/// before `position`, read in place from the versioned store (nothing is loaded up front, so a
/// query touches only the keys it walks). Read-only.
struct SnapshotView: ProjectionStore {
    let transaction: Transaction
    /// nil: a ledger without snapshot databases (every position reads as empty).
    let database: Database?
    let model: String
    /// The snapshot's position (0: the empty read model before the first event).
    let position: UInt64

    func get(_ key: [UInt8]) throws -> [UInt8]? {
        guard position > 0, let database else { return nil }
        let stem = VersionedKey.stem(model: model, key: key)
        return try transaction.withCursor(database) { cursor in
            guard let entry = try cursor.seek(atLeast: VersionedKey.make(stem: stem, position: position)),
                entry.key.count == stem.count + VersionedKey.suffixLength, entry.key.starts(with: stem)
            else { return nil }
            return Array(entry.value)
        }
    }

    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        throw LedgerError(.io, "a read-model snapshot is read-only (model \(model), position \(position))")
    }

    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        try forEachBorrowed(prefix: prefix) { key, value in try body(Array(key), Array(value)) }
    }

    /// Walks the stems under `prefix` in key order; for each, jumps to its newest version at or
    /// before `position` and then past its older versions (one seek per key, whatever the number
    /// of snapshots that changed it).
    func forEachBorrowed(
        prefix: [UInt8], _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard position > 0, let database else { return }
        let start = VersionedKey.prefixStart(model: model, prefix: prefix)
        let modelLength = VersionedKey.modelPrefix(model).count
        let pastVersions = [UInt8](repeating: 0xFF, count: VersionedKey.suffixLength)
        try transaction.withCursor(database) { cursor in
            var entry = try cursor.seek(atLeast: start)
            while let e = entry, e.key.starts(with: start), e.key.count > VersionedKey.suffixLength {
                let stem = Array(VersionedKey.stemBytes(of: e.key))
                if VersionedKey.position(of: e.key) > position {
                    entry = try cursor.seek(atLeast: VersionedKey.make(stem: stem, position: position))
                    if let found = entry, found.key.count == e.key.count, found.key.starts(with: stem) {
                        // the newest version at or before the snapshot
                    } else {
                        continue  // this key did not exist yet: the seek already stands on the next one
                    }
                }
                guard let current = entry else { return }
                let key = VersionedKey.key(
                    ofStem: VersionedKey.stemBytes(of: current.key), modelPrefixLength: modelLength)
                try key.withUnsafeBytes { try body($0, current.value) }
                entry = try cursor.seek(atLeast: stem + pastVersions)
            }
        }
    }
}
