import Domain
import LMDB

/// What `--as-of DATE` needs to know about business time, kept beside the snapshots and up to
/// the last snapshot's position:
///
/// - the watermark steps `w ‖ day → sequence`: the first event whose business date is `day`
///   and later than every event before it. The watermark (latest business date so far) only
///   grows, so "the longest prefix of the log that occurred on or before D" is one seek:
///   the step after D, minus one.
/// - the late events `l ‖ sequence → day`: events recorded after an event with a later business
///   date (backdated records). After that prefix, only these can still count for a date.
///
/// Both are tiny next to the log (one step per new business day, one entry per late event),
/// which is why this was chosen over an index of every event by business time.
struct BusinessTimeIndex {
    static let stepTag = UInt8(ascii: "w")
    static let lateTag = UInt8(ascii: "l")
    static let intervalKey = Array("c.every".utf8)
    /// Which read models and projector versions the stored snapshots were folded with.
    static let modelsKey = Array("c.models".utf8)
    static var modelSignature: String {
        TierModel.allCases.map { "\($0.rawValue):\($0.version)" }.joined(separator: ",")
    }
    /// The default snapshot interval in events (besides every month end).
    static let defaultInterval: UInt64 = 10_000

    let transaction: Transaction
    let database: Database

    static func stepKey(_ day: LocalDate) -> [UInt8] {
        var key = [stepTag]
        withUnsafeBytes(of: (UInt32(bitPattern: day.daysSince1970) ^ 0x8000_0000).bigEndian) {
            key.append(contentsOf: $0)
        }
        return key
    }

    static func lateKey(_ sequence: UInt64) -> [UInt8] {
        var key = [lateTag]
        withUnsafeBytes(of: sequence.bigEndian) { key.append(contentsOf: $0) }
        return key
    }

    static func sequenceBytes(_ sequence: UInt64) -> [UInt8] {
        withUnsafeBytes(of: sequence.bigEndian) { Array($0) }
    }

    static func dayBytes(_ day: LocalDate) -> [UInt8] {
        withUnsafeBytes(of: day.daysSince1970.bigEndian) { Array($0) }
    }

    static func readUInt64(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        raw.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func readDay(_ raw: UnsafeRawBufferPointer) -> LocalDate {
        LocalDate(daysSince1970: Int32(bitPattern: UInt32(truncatingIfNeeded: readUInt64(raw))))
    }

    /// The snapshot interval in events (`setSnapshotInterval`), or the default.
    func interval() throws -> UInt64 {
        guard let raw = try transaction.get(database, Self.intervalKey), raw.count == 8 else {
            return Self.defaultInterval
        }
        return max(Self.readUInt64(raw), 1)
    }

    /// Whether the stored snapshots were folded by the read models this build has.
    func matchesModels() throws -> Bool {
        guard let raw = try transaction.get(database, Self.modelsKey) else { return false }
        return raw.elementsEqual(Self.modelSignature.utf8)
    }

    /// The first indexed sequence whose business date is after `date` (nil: none up to the
    /// indexed position). Every event before it occurred on or before `date`.
    func firstSequence(after date: LocalDate) throws -> UInt64? {
        try transaction.withCursor(database) { cursor in
            guard let entry = try cursor.seek(atLeast: Self.stepKey(date.adding(days: 1))),
                entry.key.first == Self.stepTag
            else { return nil }
            return Self.readUInt64(entry.value)
        }
    }

    /// Late events recorded in `range` that occurred on or before `date`, in sequence order.
    func lateSequences(in range: ClosedRange<UInt64>, onOrBefore date: LocalDate) throws -> [UInt64] {
        var found: [UInt64] = []
        try transaction.withCursor(database) { cursor in
            var entry = try cursor.seek(atLeast: Self.lateKey(range.lowerBound))
            while let e = entry, e.key.first == Self.lateTag {
                let sequence = Self.readUInt64(UnsafeRawBufferPointer(rebasing: e.key.dropFirst()))
                guard sequence <= range.upperBound else { break }
                if Self.readDay(e.value) <= date { found.append(sequence) }
                entry = try cursor.next()
            }
        }
        return found
    }

    /// Every stored entry under `tag` (the audit compares them with a recomputation).
    func entries(tag: UInt8) throws -> [([UInt8], [UInt8])] {
        var found: [([UInt8], [UInt8])] = []
        try transaction.withCursor(database) { cursor in
            var entry = try cursor.seek(atLeast: [tag])
            while let e = entry, e.key.first == tag {
                found.append((Array(e.key), Array(e.value)))
                entry = try cursor.next()
            }
        }
        return found
    }
}
