import LMDB

/// The result of walking the hash chain from genesis.
public struct ChainReport: Sendable, Equatable {
    /// Records whose link checked out before the first failure (or all of them).
    public var verified: UInt64
    /// The first sequence that failed and why, or `nil` when the whole chain holds.
    public var firstFailure: (sequence: UInt64, reason: String)?
    /// The head hash recomputed from the records.
    public var headHash: ChainHash

    public var isIntact: Bool { firstFailure == nil }

    public init(verified: UInt64, firstFailure: (sequence: UInt64, reason: String)?, headHash: ChainHash) {
        self.verified = verified
        self.firstFailure = firstFailure
        self.headHash = headHash
    }

    public static func == (a: ChainReport, b: ChainReport) -> Bool {
        a.verified == b.verified && a.headHash == b.headHash
            && a.firstFailure?.sequence == b.firstFailure?.sequence && a.firstFailure?.reason == b.firstFailure?.reason
    }
}

extension LogReader {
    /// Walks every record: the sequence is gapless from 1, each record parses and names its own
    /// sequence, and `hash_n = SHA-256(hash_{n-1} ‖ record_n)` holds. LMDB has no page checksums,
    /// so this is what finds bit rot. `progress` is called every 65,536 records. `inspect` sees
    /// each record whose link holds and may return a reason to fail it (the audit's further checks).
    public func verifyChain(
        progress: ((UInt64) -> Void)? = nil, inspect: ((RecordView) throws -> String?)? = nil
    ) throws -> ChainReport {
        var previous = genesis
        var expected: UInt64 = 1
        var failure: (UInt64, String)?
        try scanRaw { key, stored in
            guard let sequence = BigEndianKey.decode(key) else {
                failure = (expected, "a key in the events database is not an 8-byte sequence number")
                return false
            }
            guard sequence == expected else {
                failure = (
                    expected,
                    sequence > expected
                        ? "record \(expected) is missing (next stored record is \(sequence))"
                        : "record \(sequence) is out of order (expected \(expected))"
                )
                return false
            }
            do {
                let view = try RecordView(stored: stored)  // splits record, previous hash and hash
                guard view.sequence == sequence else {
                    failure = (sequence, "record claims sequence \(view.sequence) but is stored at \(sequence)")
                    return false
                }
                guard view.previousHash == previous else {
                    failure = (sequence, "previous-hash field does not match the hash of record \(sequence - 1)")
                    return false
                }
                let storedHash = view.hash
                let recomputed = ChainHash.link(previous: previous, record: view.record)
                guard recomputed == storedHash else {
                    failure = (sequence, "content does not match its hash (the record was altered)")
                    return false
                }
                if let reason = try inspect?(view) {
                    failure = (sequence, reason)
                    return false
                }
                previous = storedHash
            } catch let error as RecordDecodingError {
                failure = (sequence, "\(error)")
                return false
            }
            if sequence & 0xFFFF == 0 { progress?(sequence) }
            expected += 1
            return true
        }
        return ChainReport(verified: expected - 1, firstFailure: failure, headHash: previous)
    }
}
