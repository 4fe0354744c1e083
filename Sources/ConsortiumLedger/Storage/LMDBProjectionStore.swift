import Domain
import LMDB
import Projections

/// A read model kept in its own LMDB database, inside the caller's transaction.
struct LMDBProjectionStore: ProjectionStore {
    let transaction: Transaction
    let database: Database

    func get(_ key: [UInt8]) throws -> [UInt8]? {
        try transaction.get(database, key).map { Array($0) }
    }

    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        try transaction.put(database, key, value)
    }

    func get(_ key: ByteKey) throws -> [UInt8]? {
        try transaction.get(database, ByteKeyBytes(key)).map { Array($0) }
    }

    mutating func put(_ key: ByteKey, _ value: [UInt8]) throws {
        try transaction.put(database, ByteKeyBytes(key), value)
    }

    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        try transaction.withCursor(database) { cursor in
            var entry = prefix.isEmpty ? try cursor.first() : try cursor.seek(atLeast: prefix)
            while let e = entry, e.key.starts(with: prefix) {
                try body(Array(e.key), Array(e.value))
                entry = try cursor.next()
            }
        }
    }
}
