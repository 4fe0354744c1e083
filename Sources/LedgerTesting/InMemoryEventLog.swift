import Domain
import EventStore

/// An event log held in memory, byte-compatible with the LMDB store's records.
/// It exists so the shared contract suite proves the contract, not one implementation.
public final class InMemoryEventLog: EventLog {
    private struct State {
        var records: [RecordedEvent] = []
        var ids: [String: UInt64] = [:]
        var heads: [String: UInt64] = [:]
        var streams: [String: [UInt64]] = [:]
    }

    private let state = Locked(State())
    public let genesisHash: ChainHash

    public init(ledgerId: String = "in-memory") {
        genesisHash = Array(ledgerId.utf8).withUnsafeBytes { ChainHash.digest($0) }
    }

    @discardableResult
    public func append(_ batch: [NewEvent]) throws -> AppendResult {
        try state.withLock { committed in
            var s = committed  // all-or-nothing: work on a copy, publish on success
            var result = AppendResult(sequences: [], duplicates: [])
            var previous = s.records.last?.hash ?? genesisHash
            let recordedAt = currentMilliseconds()
            for (index, event) in batch.enumerated() {
                if event.id.isEmpty || event.type.isEmpty || event.stream.isEmpty || event.actor.isEmpty {
                    throw EventStoreError(
                        .invalidEvent, "event \(index + 1) of the batch has an empty envelope field", batchIndex: index)
                }
                if let existing = s.ids[event.id] {
                    guard s.records[Int(existing - 1)].hasSameContent(as: event) else {
                        throw EventStoreError(
                            .idConflict, "event id \(event.id) is already recorded with different content",
                            batchIndex: index)
                    }
                    result.sequences.append(existing)
                    result.duplicates.append(true)
                    continue
                }
                let current = s.heads[event.stream] ?? 0
                if let expected = event.expectedVersion, expected != current {
                    throw EventStoreError(
                        .versionConflict,
                        "version conflict on stream \(event.stream): expected version \(expected), actual \(current)",
                        batchIndex: index)
                }
                let sequence = UInt64(s.records.count) + 1
                let (stored, hash) = RecordCodec.encodeStored(
                    event, sequence: sequence, version: current + 1, recordedAt: recordedAt, previous: previous)
                s.records.append(try stored.withUnsafeBytes { try RecordCodec.decode($0) })
                s.ids[event.id] = sequence
                s.heads[event.stream] = current + 1
                s.streams[event.stream, default: []].append(sequence)
                previous = hash
                result.sequences.append(sequence)
                result.duplicates.append(false)
            }
            committed = s
            return result
        }
    }

    public func events(from lower: UInt64, through upper: UInt64, backward: Bool, limit: Int) throws -> [RecordedEvent]
    {
        state.withLock { s in
            let selected = s.records.filter { $0.sequence >= lower && $0.sequence <= upper }
            return Array((backward ? selected.reversed() : selected).prefix(limit))
        }
    }

    public func events(
        inStream stream: String, fromVersion lower: UInt64, throughVersion upper: UInt64, backward: Bool, limit: Int
    ) throws -> [RecordedEvent] {
        state.withLock { s in
            let selected = (s.streams[stream] ?? []).map { s.records[Int($0 - 1)] }
                .filter { $0.version >= lower && $0.version <= upper }
            return Array((backward ? selected.reversed() : selected).prefix(limit))
        }
    }

    public func streamVersion(_ stream: String) throws -> UInt64 { state.withLock { $0.heads[stream] ?? 0 } }

    public func head() throws -> (sequence: UInt64, hash: ChainHash) {
        state.withLock { s in (UInt64(s.records.count), s.records.last?.hash ?? genesisHash) }
    }

    public func verifyChain() throws -> ChainReport {
        state.withLock { s in
            var previous = genesisHash
            for record in s.records {
                guard record.previousHash == previous else {
                    return ChainReport(
                        verified: record.sequence - 1, firstFailure: (record.sequence, "broken link"),
                        headHash: previous)
                }
                previous = record.hash
            }
            return ChainReport(verified: UInt64(s.records.count), firstFailure: nil, headHash: previous)
        }
    }
}
