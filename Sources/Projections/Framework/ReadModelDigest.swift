import Crypto

/// A fingerprint of a read model's state for the audit: the live, incrementally
/// maintained model and one rebuilt from zero must have the same digest.
///
/// Canonical bytes: for every entry in ascending key order, the key length (UInt32
/// big-endian), the key, the value length, the value; hashed with SHA-256. Entries under
/// the meta prefix (the checkpoint) are left out: the digest speaks of state, not of
/// bookkeeping.
public enum ReadModelDigest {
    /// Lower-case hex SHA-256.
    public static func compute(store: some ProjectionStore) throws -> String {
        var digest = FramedDigest()
        try store.forEachBorrowed(prefix: []) { key, value in
            guard key.first != KeyBytes.metaPrefix else { return }
            digest.add(key: key, value: value)
        }
        return digest.hex()
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 0x0F)] }.joined()
    }

    private static let hexDigits = (0..<16).map { String($0, radix: 16) }
}

/// The digests of the read models (three tiers and claims), as the audit reports them.
public struct ReadModelDigests: Sendable, Equatable {
    public var council: String
    public var committee: String
    public var project: String
    public var claims: String

    public init(council: String, committee: String, project: String, claims: String) {
        self.council = council
        self.committee = committee
        self.project = project
        self.claims = claims
    }
}
