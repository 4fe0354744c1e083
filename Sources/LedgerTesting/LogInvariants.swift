import EventStore
import LMDB

/// What one snapshot of an event log looked like, and what was wrong with it.
public struct LogSnapshot: Sendable {
    /// The last sequence (the number of events when the log is gapless).
    public var head: UInt64 = 0
    /// Events whose id starts with each prefix asked for.
    public var countsByPrefix: [String: Int] = [:]
    /// The last version seen per stream.
    public var streamVersions: [String: UInt64] = [:]
    /// Ids in sequence order (only when asked for).
    public var ids: [String] = []
    /// Every broken invariant, in words.
    public var violations: [String] = []

    public var isClean: Bool { violations.isEmpty }
}

/// The invariants every snapshot of the log must satisfy, whatever happened to the processes
/// that wrote it: sequences gapless from 1, each record naming its own sequence, stream versions
/// 1, 2, 3 … in sequence order and matching the stream heads, and each id recorded once.
public enum LogInvariants {
    /// Scans one snapshot. With `checkIndexes` the stream heads and the id index are compared
    /// with what the scan saw (slower: one lookup per stream and per event).
    public static func check(
        _ reader: LogReader, idPrefixes: [String] = [], collectIds: Bool = false, checkIndexes: Bool = false
    ) throws -> LogSnapshot {
        var snapshot = LogSnapshot()
        for prefix in idPrefixes { snapshot.countsByPrefix[prefix] = 0 }
        var expected: UInt64 = 1
        var seenIds = Set<String>()
        var checkedIds: [(String, UInt64)] = []
        try reader.scanRaw { key, value in
            guard let sequence = sequenceKey(key) else {
                snapshot.violations.append("a key of the events database is not a sequence number")
                return false
            }
            guard sequence == expected else {
                snapshot.violations.append("gap: expected sequence \(expected), found \(sequence)")
                return false
            }
            let view: RecordView
            do {
                view = try RecordView(stored: value)
            } catch {
                snapshot.violations.append("record \(sequence) does not parse: \(error)")
                return false
            }
            if view.sequence != sequence {
                snapshot.violations.append("record stored at \(sequence) claims sequence \(view.sequence)")
            }
            let stream = view.stream
            let previous = snapshot.streamVersions[stream] ?? 0
            if view.version != previous + 1 {
                snapshot.violations.append(
                    "stream \(stream): sequence \(sequence) has version \(view.version), expected \(previous + 1)")
            }
            snapshot.streamVersions[stream] = view.version
            let id = view.id
            if !seenIds.insert(id).inserted {
                snapshot.violations.append("id \(id) recorded twice (again at \(sequence))")
            }
            for prefix in idPrefixes where id.hasPrefix(prefix) { snapshot.countsByPrefix[prefix, default: 0] += 1 }
            if collectIds { snapshot.ids.append(id) }
            if checkIndexes { checkedIds.append((id, sequence)) }
            snapshot.head = sequence
            expected += 1
            return true
        }
        if checkIndexes {
            for (stream, version) in snapshot.streamVersions {
                let head = try reader.streamVersion(stream)
                if head != version {
                    snapshot.violations.append("stream \(stream): head says \(head), log says \(version)")
                }
            }
            for (id, sequence) in checkedIds {
                let indexed = try reader.sequence(ofEventId: id)
                if indexed != sequence {
                    snapshot.violations.append(
                        "id \(id): index says \(indexed.map(String.init) ?? "absent"), log says \(sequence)")
                }
            }
        }
        return snapshot
    }
}

/// A big-endian u64 sequence key (8 bytes), or nil.
func sequenceKey(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
    guard bytes.count == 8 else { return nil }
    return bytes.reduce(0) { $0 << 8 | UInt64($1) }
}
