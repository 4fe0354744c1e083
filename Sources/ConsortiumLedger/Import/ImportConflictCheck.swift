import Audit
import Domain
import EventStore

/// The log's own checks, dry-run during validation so a conflict rejects the whole import before
/// anything is written (otherwise it would surface at write time, after earlier chunks landed):
/// an id reused with different content — in the ledger or earlier in the input — and an
/// `expectedVersion` that does not match the stream as it will stand when that record is written.
struct ImportConflictCheck {
    enum Outcome {
        /// A new event: check the rules and write it.
        case new
        /// The same id and content is already recorded, or came earlier in the input: skip it.
        case alreadyRecorded
    }

    private var seen: [String: (digest: Hash, location: ImportLocation)] = [:]
    private var streamHeads: [String: UInt64] = [:]

    mutating func check(_ event: NewEvent, at location: ImportLocation, reader: LogReader) throws -> Outcome {
        let digest = Self.digest(of: event)
        if let earlier = seen[event.id] {
            guard earlier.digest == digest else {
                throw ImportIssue(
                    location: location, kind: .conflict, field: "id",
                    message:
                        "id \(event.id) is used by \(earlier.location) for different content; a correction needs a new id"
                )
            }
            return .alreadyRecorded
        }
        seen[event.id] = (digest, location)
        if let sequence = try reader.sequence(ofEventId: event.id) {
            guard let recorded = try reader.event(sequence: sequence), recorded.hasSameContent(as: event) else {
                throw ImportIssue(
                    location: location, kind: .conflict, field: "id",
                    message:
                        "id \(event.id) is already recorded at sequence \(sequence) with different content; a correction needs a new id"
                )
            }
            return .alreadyRecorded
        }
        let current = try streamHeads[event.stream] ?? reader.streamVersion(event.stream)
        if let expected = event.expectedVersion, expected != current {
            throw ImportIssue(
                location: location, kind: .conflict, field: "expectedVersion",
                message:
                    "expected version \(expected) of stream \(event.stream), but it will be at version \(current) when this record is written"
            )
        }
        streamHeads[event.stream] = current + 1
        return .new
    }

    /// What idempotency compares, as one value: the submitter's content without its signature.
    private static func digest(of event: NewEvent) -> Hash {
        var bytes = SignedContent.bytes(of: event)
        for extra in [event.causationId, event.correlationId] {
            bytes.append(0xFF)
            bytes.append(contentsOf: Array((extra ?? "").utf8))
        }
        return Hash.sha256(bytes)
    }
}
