import LMDB

/// Why an append or read failed. Every case a user can cause says which event and field.
public struct EventStoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The stream's version was not the one the submitter expected.
        case versionConflict
        /// An event id was re-used with different content.
        case idConflict
        /// An event is malformed (empty id, type, stream or actor).
        case invalidEvent
        /// No ledger at the path (not initialised).
        case notALedger
        /// The ledger's directory or files may not be read or written by this user.
        case permissionDenied
        /// The ledger was written by a newer, unknown format.
        case unsupportedFormat
        /// The ledger is of an older format this tool upgrades before it writes, and another
        /// process (most likely an older tool) holds it open, which would not see the upgrade.
        case upgradeBlocked
        /// A stored record did not parse.
        case corruptRecord
        /// A record copied from another copy of the ledger failed a check (`appendVerbatim`).
        case unverifiedRecord
        /// The storage engine failed.
        case storage
    }

    public let code: Code
    public let message: String
    /// Position of the offending event in the submitted batch, when there is one.
    public let batchIndex: Int?
    /// The LMDB error behind a `.storage` failure.
    public let underlying: LMDBError?

    public init(_ code: Code, _ message: String, batchIndex: Int? = nil, underlying: LMDBError? = nil) {
        self.code = code
        self.message = message
        self.batchIndex = batchIndex
        self.underlying = underlying
    }

    public var description: String { message }
}
