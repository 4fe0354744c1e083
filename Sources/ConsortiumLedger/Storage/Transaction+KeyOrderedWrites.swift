import Domain
import LMDB

/// Read-model or rule-state entries computed beside the writer, per database, each list in
/// ascending key order (`ByteKey.ascending`): what an import's shadow or a mirror's fold hands
/// the transaction that keeps them.
typealias KeyOrderedWrites = [(Database, [(key: ByteKey, value: [UInt8])])]

extension Transaction {
    /// Puts every entry through one cursor per database: in key order each put starts from
    /// the page of the one before instead of descending from the root.
    func put(inKeyOrder writes: KeyOrderedWrites) throws {
        for (database, entries) in writes {
            try withCursor(database) { cursor in
                for entry in entries { try cursor.put(ByteKeyBytes(entry.key), entry.value) }
            }
        }
    }
}
