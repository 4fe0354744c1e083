import CLMDB

/// A position in one database, valid inside `Transaction.withCursor`.
public struct Cursor {
    /// One key/value pair, pointing into the memory map.
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    let handle: OpaquePointer
    let databaseName: String?

    @inline(__always)
    private func move(_ op: MDB_cursor_op) throws -> Entry? {
        var k = MDB_val()
        var v = MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, op)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_cursor_get(\(databaseName ?? "main"))")
        return (k.buffer, v.buffer)
    }

    public func first() throws -> Entry? { try move(MDB_FIRST) }
    public func last() throws -> Entry? { try move(MDB_LAST) }
    public func next() throws -> Entry? { try move(MDB_NEXT) }
    public func previous() throws -> Entry? { try move(MDB_PREV) }

    /// Positions at the first key ≥ `key`.
    public func seek(atLeast key: some LMDBBytes) throws -> Entry? {
        try key.withLMDBBytes { keyBytes in
            var k = MDB_val(keyBytes)
            var v = MDB_val()
            let rc = mdb_cursor_get(handle, &k, &v, MDB_SET_RANGE)
            if rc == MDB_NOTFOUND { return nil }
            try LMDBError.check(rc, "mdb_cursor_get(SET_RANGE, \(databaseName ?? "main"))")
            return (k.buffer, v.buffer)
        }
    }

    /// Positions at the last key ≤ `key`.
    public func seek(atMost key: some LMDBBytes) throws -> Entry? {
        guard let found = try seek(atLeast: key) else { return try last() }
        let exact = key.withLMDBBytes { $0.elementsEqual(found.key) }
        return exact ? found : try previous()
    }

    /// Positions at the last key < `key` (for the last entry under a prefix: seek before the
    /// prefix's successor).
    public func seek(before key: some LMDBBytes) throws -> Entry? {
        try seek(atLeast: key) == nil ? try last() : try previous()
    }

    /// Stores through the cursor; with `.append` this is LMDB's fastest path for growing keys.
    public func put(_ key: some LMDBBytes, _ value: some LMDBBytes, flags: PutFlags = []) throws {
        try key.withLMDBBytes { keyBytes in
            try value.withLMDBBytes { valueBytes in
                var k = MDB_val(keyBytes)
                var v = MDB_val(valueBytes)
                try LMDBError.check(
                    mdb_cursor_put(handle, &k, &v, flags.rawValue), "mdb_cursor_put(\(databaseName ?? "main"))")
            }
        }
    }
}
