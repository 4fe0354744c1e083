import Audit
import Domain
import EventStore
import Foundation

/// One record as the validation sees it: where it is, and either the parsed line with its id
/// and prepared log event or what is wrong with it.
struct FedRecord: Sendable {
    var location: ImportLocation
    var outcome: Result<PreparedRecord, ImportIssue>
}

/// A parsed record with the id it will be recorded under and its log event (signed if asked).
struct PreparedRecord: Sendable {
    var line: ImportLine
    var id: String
    var event: NewEvent
}

/// Parses an import's inputs for the validation pass on a thread of its own, so the conflict
/// and rule checks on the calling thread overlap with JSON parsing and event building.
/// Unlike ``ImportParser`` it never stops at a bad record: validation reports all of them.
final class ValidationFeed: Sendable {
    let queue = HandOffQueue<[FedRecord]>()

    init(inputs: [ImportInput], signer: MemberKeyPair?, chunkSize: Int = 4_096) {
        queue.start { [self] in try feed(inputs, signer: signer, chunkSize: chunkSize) }
    }

    private func feed(_ inputs: [ImportInput], signer: MemberKeyPair?, chunkSize: Int) throws {
        var chunk: [FedRecord] = []
        chunk.reserveCapacity(chunkSize)
        for input in inputs {
            var ids = DerivedIds()
            try ImportRecords.forEach(in: input) { location, result in
                switch result {
                case .failure(let issue):
                    chunk.append(FedRecord(location: location, outcome: .failure(issue)))
                case .success(let line):
                    let id = ids.id(for: line)
                    let event = try line.newEvent(id: id).signed(by: signer)
                    chunk.append(
                        FedRecord(
                            location: location, outcome: .success(PreparedRecord(line: line, id: id, event: event))))
                }
                if chunk.count >= chunkSize {
                    try queue.put(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        if !chunk.isEmpty { try queue.put(chunk) }
    }

    /// Stops the feed if it still runs and waits for its thread to end.
    func stop() { queue.stop() }
}
