import LMDB
import Projections

extension LMDBProjectionStore {
    /// The walk queries use: keys and values straight from the memory map, valid during `body`
    /// (`forEach` copies both into arrays, two allocations per entry, which dominated a council
    /// query over a thousand members).
    func forEachBorrowed(
        prefix: [UInt8], _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try transaction.withCursor(database) { cursor in
            var entry = prefix.isEmpty ? try cursor.first() : try cursor.seek(atLeast: prefix)
            while let e = entry, e.key.starts(with: prefix) {
                try body(e.key, e.value)
                entry = try cursor.next()
            }
        }
    }
}
