import Domain

/// The last sequence a read model has applied and the projector version that wrote it.
///
/// It lives in the projector's own store under the reserved meta prefix, so the ledger
/// commits it in the same transaction as the state it describes: a crash can never leave
/// one without the other.
public struct ProjectionCheckpoint: Sendable, Equatable {
    public var sequence: UInt64
    public var version: Int

    public init(sequence: UInt64, version: Int) {
        self.sequence = sequence
        self.version = version
    }

    /// `0x00 "checkpoint"`: outside every entity prefix and left out of the digest.
    public static let key: [UInt8] = [KeyBytes.metaPrefix] + Array("checkpoint".utf8)

    /// The stored checkpoint, or `nil` for a read model that has applied nothing yet.
    public static func read(from store: some ProjectionStore) throws -> ProjectionCheckpoint? {
        guard let bytes = try store.get(key) else { return nil }
        return try EntityCodec.decode(bytes) { reader in
            let sequence: UInt64 = try reader.read()
            let version: Int = try reader.read()
            return ProjectionCheckpoint(sequence: sequence, version: version)
        }
    }

    public func write(to store: inout some ProjectionStore) throws {
        try store.put(
            Self.key,
            EntityCodec.encode { writer in
                writer.write(sequence)
                writer.write(version)
            })
    }
}
