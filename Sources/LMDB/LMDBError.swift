import CLMDB

/// An error from LMDB, keeping the engine's raw return code and its `mdb_strerror` text
/// so an operator can look the code up, plus what we were doing when it happened.
public struct LMDBError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The raw LMDB (or errno) return code.
    public let code: Int32
    /// `mdb_strerror(code)` at the time of the failure.
    public let message: String
    /// The operation that failed, e.g. `mdb_env_open(/data/consortium.ledger)`.
    public let context: String

    public init(code: Int32, context: String) {
        self.code = code
        self.message = String(cString: mdb_strerror(code))
        self.context = context
    }

    public var description: String { "LMDB error \(code) in \(context): \(message)" }

    public static let notFound: Int32 = MDB_NOTFOUND
    public static let keyExists: Int32 = MDB_KEYEXIST
    public static let mapFull: Int32 = MDB_MAP_FULL
    public static let mapResized: Int32 = MDB_MAP_RESIZED
    public static let transactionFull: Int32 = MDB_TXN_FULL
    public static let readersFull: Int32 = MDB_READERS_FULL
    public static let corrupted: Int32 = MDB_CORRUPTED
    public static let invalid: Int32 = MDB_INVALID
    public static let versionMismatch: Int32 = MDB_VERSION_MISMATCH

    /// The map filled up; the environment grows it and retries the write.
    public var isMapFull: Bool { code == MDB_MAP_FULL }
}

extension LMDBError {
    /// Throws an `LMDBError` for a non-zero return code.
    @inline(__always)
    static func check(_ rc: Int32, _ context: @autoclosure () -> String) throws(LMDBError) {
        if rc != 0 { throw LMDBError(code: rc, context: context()) }
    }
}
