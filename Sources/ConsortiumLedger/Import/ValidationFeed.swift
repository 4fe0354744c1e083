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
final class ValidationFeed: @unchecked Sendable {
    let queue = HandOffQueue<[FedRecord]>()
    private let done = DispatchSemaphore(value: 0)
    private var stopped = false

    init(inputs: [ImportInput], signer: MemberKeyPair?, chunkSize: Int = 4_096) {
        let thread = Thread { [self] in
            defer { done.signal() }
            do {
                try feed(inputs, signer: signer, chunkSize: chunkSize)
                queue.finish()
            } catch {
                queue.finish(error: error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private struct ConsumerGaveUp: Error {}

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
                    chunk.append(FedRecord(location: location, outcome: .success(PreparedRecord(line: line, id: id, event: event))))
                }
                if chunk.count >= chunkSize {
                    guard queue.put(chunk) else { throw ConsumerGaveUp() }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        if !chunk.isEmpty, !queue.put(chunk) { throw ConsumerGaveUp() }
    }

    /// Stops the feed if it still runs and waits for its thread to end.
    func stop() {
        guard !stopped else { return }
        stopped = true
        queue.cancel()
        done.wait()
    }
}
