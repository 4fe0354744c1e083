import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One LMDB environment (a directory with `data.mdb` and `lock.mdb`).
///
/// Open it once per process and share it; never use it across `fork`. Transactions exist only
/// inside `read { }` and `write { }`: a write commits when its closure returns and aborts when
/// it throws, so no caller can leak one.
///
/// `@unchecked Sendable`: LMDB's `MDB_env` is safe to share between threads (transactions are
/// not, and never leave their closure); the map size it tracks is guarded by `resizeLock`.
public final class Environment: @unchecked Sendable {
    /// Tuning knobs; the defaults keep LMDB's synced commits (durability is the promise).
    public struct Options: Sendable {
        /// Initial map size in bytes; the map grows by itself when it fills.
        public var initialMapSize: Int = 64 << 20
        /// Upper bound for one growth step, so a 100 GiB ledger does not jump to 200 GiB.
        public var maxGrowthStep: Int = 8 << 30
        public var maxDatabases: UInt32 = 32
        public var maxReaders: UInt32 = 256
        /// Open read-only (no writes, no lock-file creation beyond what LMDB needs).
        public var readOnly = false
        public init() {}
    }

    let handle: OpaquePointer
    public let path: String
    let options: Options
    /// Taken shared by every transaction and exclusively to change the map size:
    /// `mdb_env_set_mapsize` is only legal while this process has no open transaction.
    private let resizeLock = ReadWriteLock()
    /// Stale reader slots of killed processes that `mdb_reader_check` cleared on open.
    public let staleReadersCleared: Int
    /// Why a directory asked for read-write could only be opened read-only (EROFS, EACCES).
    public let readOnlyCause: LMDBError?
    /// Serialises `mdb_dbi_open`, which LMDB allows in one transaction of a process at a time.
    private let databaseOpenLock = ReadWriteLock()

    /// True when no write is possible: opened with `Options.readOnly` or on read-only media.
    public var isReadOnly: Bool { options.readOnly || readOnlyCause != nil }

    /// Opens (creating if needed, mode 0700/0600) the environment in directory `path`.
    ///
    /// A directory LMDB cannot open for writing (read-only media, or a user without write
    /// permission on it or its `lock.mdb`) is opened read-only instead, so it can still be read;
    /// `readOnlyCause` then says why and every `write` is refused with that reason.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        if !options.readOnly {
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw LMDBError(code: errno, context: "mkdir(\(path))")
            }
        }
        let (env, cause) = try Self.openHandle(path, options)
        do {
            try Self.refuseTruncatedDataFile(env, path: path)
            var dead: Int32 = 0
            try LMDBError.check(mdb_reader_check(env, &dead), "mdb_reader_check(\(path))")
            staleReadersCleared = Int(dead)
        } catch {
            mdb_env_close(env)
            throw error
        }
        handle = env
        readOnlyCause = cause
    }

    /// Opens the LMDB handle, read-only and without the lock file when LMDB may not write the
    /// directory; returns the handle and, in that case, the error that made it read-only.
    private static func openHandle(_ path: String, _ options: Options) throws -> (OpaquePointer, LMDBError?) {
        // MDB_NOTLS: read transactions are not tied to a thread, as Swift tasks hop threads.
        let flags = UInt32(MDB_NOTLS) | (options.readOnly ? UInt32(MDB_RDONLY) : 0)
        let first = openHandle(path, options, flags: flags)
        guard case .failure(let error) = first, error.code == EACCES || error.code == EROFS else {
            return (try first.get(), nil)
        }
        // Without the lock file no reader slot is registered, which is safe only while nobody
        // writes: true on read-only media (EROFS stops every writer). With EACCES another user
        // who may write could, and a long read could then see pages reused under it; the chain
        // and Merkle checks of verify/audit would report that, not hide it.
        let readOnly = openHandle(path, options, flags: flags | UInt32(MDB_RDONLY) | UInt32(MDB_NOLOCK))
        return (try readOnly.get(), error)
    }

    /// Creates and opens one LMDB handle with `flags`; closes it again if opening fails.
    private static func openHandle(_ path: String, _ options: Options, flags: UInt32)
        -> Result<OpaquePointer, LMDBError>
    {
        var env: OpaquePointer?
        let created = mdb_env_create(&env)
        guard created == 0, let env else {
            return .failure(LMDBError(code: created == 0 ? EINVAL : created, context: "mdb_env_create"))
        }
        let steps: [(Int32, String)] = [
            (mdb_env_set_maxdbs(env, options.maxDatabases), "mdb_env_set_maxdbs"),
            (mdb_env_set_maxreaders(env, options.maxReaders), "mdb_env_set_maxreaders"),
            (mdb_env_set_mapsize(env, options.initialMapSize), "mdb_env_set_mapsize"),
        ]
        var failure = steps.first { $0.0 != 0 }.map { LMDBError(code: $0.0, context: $0.1) }
        if failure == nil {
            let rc = mdb_env_open(env, path, flags, 0o600)
            if rc != 0 { failure = LMDBError(code: rc, context: "mdb_env_open(\(path))") }
        }
        if let failure {
            mdb_env_close(env)
            return .failure(failure)
        }
        return .success(env)
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Why a commit could not write: free space on the ledger's file system, or a file-size limit.
    private func spaceDiagnosis() -> String {
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 else { return "the disk is full or the file hit a size limit" }
        let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
        if free < 16 << 20 {
            return "the disk is full (\(free / 1024) KiB free on the file system of \(path)); free space and retry"
        }
        return
            "the file hit a size limit (\(free >> 20) MiB are free, so a file-size limit such as ulimit -f stopped it); raise it and retry"
    }

    /// A data file shorter than its committed pages would make the first read past the end
    /// fault with SIGBUS (LMDB maps the file); refuse it with a message instead.
    private static func refuseTruncatedDataFile(_ env: OpaquePointer, path: String) throws {
        var info = MDB_envinfo()
        var pages = MDB_stat()
        guard mdb_env_info(env, &info) == 0, mdb_env_stat(env, &pages) == 0 else { return }
        var file = stat()
        guard stat(path + "/data.mdb", &file) == 0 else { return }
        let needed = (Int(info.me_last_pgno) + 1) * Int(pages.ms_psize)
        if Int(file.st_size) < needed {
            throw LMDBError(
                code: MDB_CORRUPTED,
                context:
                    "\(path)/data.mdb is truncated (\(file.st_size) bytes, committed pages end at \(needed)); restore it from the last export"
            )
        }
    }

    /// The current map size in bytes (another process may have grown the file beyond it).
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// Opens (or creates) a named database. Call once at start-up and keep the handle.
    ///
    /// An existing database is opened in a read transaction, so opening a ledger never waits for
    /// another process's write transaction and works on read-only media; only creating one writes.
    public func openDatabase(_ name: String?, create: Bool = true) throws -> Database {
        databaseOpenLock.lockExclusive()
        defer { databaseOpenLock.unlock() }
        let txn = try begin(readOnly: true)
        var dbi = MDB_dbi()
        let found = mdb_dbi_open(txn, name, 0, &dbi)
        // Committing (not aborting) the read transaction keeps the handle for the environment.
        let committed = found == 0 ? mdb_txn_commit(txn) : 0
        if found != 0 { mdb_txn_abort(txn) }
        resizeLock.unlock()
        try LMDBError.check(committed, "mdb_txn_commit(\(path))")
        if found == 0 { return Database(dbi: dbi, name: name) }
        guard found == MDB_NOTFOUND, create, !isReadOnly else {
            throw LMDBError(code: found, context: "mdb_dbi_open(\(name ?? "main"))")
        }
        return try write { txn in
            var dbi = MDB_dbi()
            try LMDBError.check(
                mdb_dbi_open(txn.handle, name, UInt32(MDB_CREATE), &dbi), "mdb_dbi_open(\(name ?? "main"))")
            return Database(dbi: dbi, name: name)
        }
    }

    /// Runs `body` in a read-only snapshot. Readers never block writers.
    public func read<R>(_ body: (Transaction) throws -> R) throws -> R {
        let txn = try begin(readOnly: true)
        defer {
            mdb_txn_abort(txn)
            resizeLock.unlock()
        }
        return try body(Transaction(handle: txn, isReadOnly: true))
    }

    /// Runs `body` in the single write transaction and commits (synced) when it returns.
    ///
    /// If the map fills, the transaction is aborted, the map grows and `body` runs again from
    /// the start: keep every side effect of `body` inside the transaction.
    public func write<R>(_ body: (Transaction) throws -> R) throws -> R {
        if let readOnlyCause {
            throw LMDBError(
                code: readOnlyCause.code,
                context:
                    "writing to \(path) (the directory cannot be written, so it was opened read-only; nothing was written)"
            )
        }
        if options.readOnly { throw LMDBError(code: EACCES, context: "write on a read-only environment \(path)") }
        while true {
            let txn = try begin(readOnly: false)
            let sizeBefore = mapSize
            let result: R
            do {
                result = try body(Transaction(handle: txn, isReadOnly: false))
            } catch let error as LMDBError where error.isMapFull {
                mdb_txn_abort(txn)
                resizeLock.unlock()
                try grow(from: sizeBefore)
                continue
            } catch {
                mdb_txn_abort(txn)
                resizeLock.unlock()
                throw error
            }
            // mdb_txn_commit frees the transaction even when it fails (ENOSPC, EFBIG, EIO):
            // it must never be aborted after this line.
            let rc = mdb_txn_commit(txn)
            resizeLock.unlock()
            if rc == MDB_MAP_FULL {
                try grow(from: sizeBefore)
                continue
            }
            if rc == EIO || rc == ENOSPC || rc == EFBIG {
                // LMDB 0.9 reports a short write (full disk, RLIMIT_FSIZE) as EIO; say what a user can act on.
                throw LMDBError(code: rc, context: "mdb_txn_commit(\(path)): nothing was written; \(spaceDiagnosis())")
            }
            try LMDBError.check(rc, "mdb_txn_commit(\(path))")
            return result
        }
    }

    /// Flushes to disk; only needed if a caller opened with relaxed sync flags.
    public func sync() throws {
        try LMDBError.check(mdb_env_sync(handle, 1), "mdb_env_sync(\(path))")
    }

    /// Begins a transaction holding the resize lock shared; adopts a map grown by another
    /// process (`MDB_MAP_RESIZED`).
    private func begin(readOnly: Bool) throws -> OpaquePointer {
        while true {
            resizeLock.lockShared()
            var txn: OpaquePointer?
            let rc = mdb_txn_begin(handle, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txn)
            if rc == MDB_MAP_RESIZED {
                resizeLock.unlock()
                try adoptGrownMap()
                continue
            }
            if rc != 0 { resizeLock.unlock() }
            try LMDBError.check(rc, "mdb_txn_begin(\(path))")
            guard let txn else { throw LMDBError(code: EINVAL, context: "mdb_txn_begin returned no transaction") }
            return txn
        }
    }

    /// Grows the map now, if needed, so that about `bytes` more can be written without the
    /// write closure restarting on `MDB_MAP_FULL`: a long single transaction (a whole import)
    /// would otherwise redo its work once per doubling of the map.
    public func reserve(bytes: Int) throws {
        resizeLock.lockExclusive()
        defer { resizeLock.unlock() }
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        let used = (Int(info.me_last_pgno) + 1) * Int(stat.ms_psize)
        let step = 1 << 20
        let needed = (used + bytes + step - 1) / step * step
        guard info.me_mapsize < needed else { return }
        try LMDBError.check(mdb_env_set_mapsize(handle, needed), "mdb_env_set_mapsize(\(needed), \(path))")
    }

    private func adoptGrownMap() throws {
        resizeLock.lockExclusive()
        defer { resizeLock.unlock() }
        try LMDBError.check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize(0, \(path))")
    }

    private func grow(from sizeBefore: Int) throws {
        resizeLock.lockExclusive()
        defer { resizeLock.unlock() }
        // Another thread may already have grown it while we waited for the lock.
        guard mapSize <= sizeBefore else { return }
        let newSize = sizeBefore + min(sizeBefore, options.maxGrowthStep)
        try LMDBError.check(mdb_env_set_mapsize(handle, newSize), "mdb_env_set_mapsize(\(newSize), \(path))")
    }
}
