extension MerkleAccumulator {
    /// Version byte of the persisted form; bump it if the layout ever changes.
    public static let encodingVersion: UInt8 = 1

    /// `version(1) ‖ size(8, big-endian) ‖ peaks(32 each)`: small, fixed-order and
    /// self-checking (the peak count must match the size), for the ledger's `meta` database.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(9 + peaks.count * Hash.byteCount)
        out.append(Self.encodingVersion)
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: size >> UInt64(shift)))
        }
        for peak in peaks {
            peak.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Restores an accumulator written by `serialized()`.
    public init(serialized bytes: some Collection<UInt8>) throws(MerkleError) {
        let bytes = Array(bytes)
        guard bytes.count >= 9 else {
            throw MerkleError(.invalidAccumulatorEncoding, "expected at least 9 bytes, got \(bytes.count)")
        }
        guard bytes[0] == Self.encodingVersion else {
            throw MerkleError(.invalidAccumulatorEncoding, "unknown accumulator encoding version \(bytes[0])")
        }
        let size = bytes[1..<9].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let expected = 9 + size.nonzeroBitCount * Hash.byteCount
        guard bytes.count == expected else {
            throw MerkleError(
                .invalidAccumulatorEncoding,
                "a tree of size \(size) serialises to \(expected) bytes, got \(bytes.count)")
        }
        var peaks: [Hash] = []
        var offset = 9
        while offset < bytes.count {
            guard let peak = Hash(bytes: bytes[offset..<offset + Hash.byteCount]) else {
                throw MerkleError(.invalidAccumulatorEncoding, "truncated peak at byte \(offset)")
            }
            peaks.append(peak)
            offset += Hash.byteCount
        }
        try self.init(size: size, peaks: peaks)
    }
}
