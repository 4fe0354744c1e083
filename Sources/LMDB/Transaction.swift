import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A transaction handle that only exists inside `Environment.read` / `Environment.write`.
///
/// Buffers returned by `get` and cursors point into LMDB's memory map and are valid only
/// until the closure returns; copy what must outlive it.
public struct Transaction {
    let handle: OpaquePointer
    /// True for a read-only snapshot.
    public let isReadOnly: Bool

    /// For a read transaction, the id of the last write transaction committed when it began:
    /// two read transactions with the same id see the same data (`mdb_txn_id`).
    public var id: Int { Int(mdb_txn_id(handle)) }

    /// The value stored under `key`, or `nil` when the key is absent.
    public func get(_ db: Database, _ key: some LMDBBytes) throws -> UnsafeRawBufferPointer? {
        try key.withLMDBBytes { keyBytes in
            var k = MDB_val(keyBytes)
            var v = MDB_val()
            let rc = mdb_get(handle, db.dbi, &k, &v)
            if rc == MDB_NOTFOUND { return nil }
            try LMDBError.check(rc, "mdb_get(\(db.name ?? "main"))")
            return v.buffer
        }
    }

    /// Stores `value` under `key`.
    public func put(_ db: Database, _ key: some LMDBBytes, _ value: some LMDBBytes, flags: PutFlags = []) throws {
        try key.withLMDBBytes { keyBytes in
            try value.withLMDBBytes { valueBytes in
                var k = MDB_val(keyBytes)
                var v = MDB_val(valueBytes)
                try LMDBError.check(
                    mdb_put(handle, db.dbi, &k, &v, flags.rawValue), "mdb_put(\(db.name ?? "main"))")
            }
        }
    }

    /// Deletes `key`; returns false when it was absent. Used only for projection state,
    /// never for the event log.
    @discardableResult
    public func delete(_ db: Database, _ key: some LMDBBytes) throws -> Bool {
        try key.withLMDBBytes { keyBytes in
            var k = MDB_val(keyBytes)
            let rc = mdb_del(handle, db.dbi, &k, nil)
            if rc == MDB_NOTFOUND { return false }
            try LMDBError.check(rc, "mdb_del(\(db.name ?? "main"))")
            return true
        }
    }

    /// Removes every entry of `db` (keeps the database itself).
    public func clear(_ db: Database) throws {
        try LMDBError.check(mdb_drop(handle, db.dbi, 0), "mdb_drop(\(db.name ?? "main"))")
    }

    /// Deletes the database `name` and its entries from the environment, if there is one;
    /// returns whether there was. The handle is opened and closed inside this transaction, so
    /// a write that runs again (the map grew) drops it again (for a layout change that retires
    /// a database). It opens a handle, which LMDB allows one transaction of a process at a time:
    /// call it before the environment is shared (as a layout upgrade at open does), not beside
    /// `Environment.openDatabase`.
    @discardableResult
    public func dropDatabase(named name: String) throws -> Bool {
        var dbi = MDB_dbi()
        let found = mdb_dbi_open(handle, name, 0, &dbi)
        if found == MDB_NOTFOUND { return false }
        try LMDBError.check(found, "mdb_dbi_open(\(name))")
        try LMDBError.check(mdb_drop(handle, dbi, 1), "mdb_drop(\(name), delete)")
        return true
    }

    /// The number of entries in `db`.
    public func count(_ db: Database) throws -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, db.dbi, &stat), "mdb_stat(\(db.name ?? "main"))")
        return stat.ms_entries
    }

    /// The bytes of the pages `db` occupies (branch, leaf and overflow pages).
    public func pageBytes(_ db: Database) throws -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, db.dbi, &stat), "mdb_stat(\(db.name ?? "main"))")
        return Int(stat.ms_psize) * (stat.ms_branch_pages + stat.ms_leaf_pages + stat.ms_overflow_pages)
    }

    /// Runs `body` in a transaction nested in this write transaction: its writes join this
    /// transaction when `body` returns and vanish when it throws, leaving this one as it was.
    /// This transaction must not be used until `body` returns (LMDB's rule for a parent).
    public func nested<R>(_ body: (Transaction) throws -> R) throws -> R {
        precondition(!isReadOnly, "LMDB nests write transactions only")
        var child: OpaquePointer?
        try LMDBError.check(mdb_txn_begin(mdb_txn_env(handle), handle, 0, &child), "mdb_txn_begin(nested)")
        guard let child else { throw LMDBError(code: EINVAL, context: "mdb_txn_begin returned no nested transaction") }
        let result: R
        do {
            result = try body(Transaction(handle: child, isReadOnly: false))
        } catch {
            mdb_txn_abort(child)
            throw error
        }
        // A nested commit only merges into the parent (no sync); it frees the child even when it fails.
        try LMDBError.check(mdb_txn_commit(child), "mdb_txn_commit(nested)")
        return result
    }

    /// Runs `body` with a cursor on `db`; the cursor is closed when it returns.
    public func withCursor<R>(_ db: Database, _ body: (inout Cursor) throws -> R) throws -> R {
        var cursorHandle: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(handle, db.dbi, &cursorHandle), "mdb_cursor_open(\(db.name ?? "main"))")
        guard let cursorHandle else { throw LMDBError(code: EINVAL, context: "mdb_cursor_open returned no cursor") }
        defer { mdb_cursor_close(cursorHandle) }
        var cursor = Cursor(handle: cursorHandle, databaseName: db.name)
        return try body(&cursor)
    }
}
