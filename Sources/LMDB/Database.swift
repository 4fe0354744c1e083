import CLMDB

/// A named database inside an environment. Opened once per process and shared:
/// LMDB handles stay valid for the life of the environment.
public struct Database: Sendable, Hashable {
    let dbi: MDB_dbi
    /// The name it was opened with (`nil` for the unnamed main database).
    public let name: String?
}

/// Flags for `mdb_put`.
public struct PutFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Refuse to overwrite an existing key (`MDB_NOOVERWRITE`).
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// The key sorts after every existing key: cheaper page splits (`MDB_APPEND`).
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
}
