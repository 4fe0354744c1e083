import Audit
import Domain
import EventStore
import Foundation
import LMDB

/// Parses an import's inputs on a thread of its own, ahead of the writer, into a bounded
/// queue of chunks (see ``HandOffQueue`` for why).
///
/// The same thread runs the import's ``ImportShadow`` (rules and read models) on each record,
/// over a snapshot opened here — inside the writer's transaction, as the writer creates the
/// parser there. The first unparsable or rejected record ends the parse with an error: the
/// single-transaction import then gives up and the two-pass import reports every bad record.
///
/// `@unchecked Sendable`: the counts, ids and result are written only by the parser thread and
/// read only after ``stop()`` has joined it.
final class ImportParser: @unchecked Sendable {
    /// What the shadow left for the writer's transaction.
    struct ShadowResult {
        var writes: KeyOrderedWrites
        var nextSequence: UInt64
        var alreadyRecorded: Int
    }

    let queue = HandOffQueue<ParsedChunk>()
    /// Complete only after ``stop()`` returned.
    private(set) var records = 0
    private(set) var byType: [String: Int] = [:]
    /// The content-derived id state after the last record (for the next segment of its file).
    private(set) var ids: DerivedIds
    /// Set once every record was parsed and shadowed; read after ``stop()``.
    private(set) var shadowResult: ShadowResult?

    struct UnparsableRecord: Error {}

    /// Starts parsing `inputs` in order, signing with `signer`, `chunkSize` events per chunk,
    /// shadowing them against `ledger`'s current state.
    /// The first input continues the id numbering in `continuing`; later ones start afresh.
    init(
        inputs: [ImportInput], signer: MemberKeyPair?, ledger: Ledger, continuing: DerivedIds = DerivedIds(),
        chunkSize: Int
    ) {
        ids = continuing
        queue.start { [self] in
            shadowResult = try ledger.store.read { reader in
                var shadow = try ImportShadow(reader: reader, ledger: ledger)
                try parse(inputs, signer: signer, chunkSize: chunkSize, shadow: &shadow)
                let result = ShadowResult(
                    writes: try shadow.pendingWrites(rulesDatabase: ledger.facade.rules),
                    nextSequence: shadow.nextSequence, alreadyRecorded: shadow.alreadyRecorded)
                // The writer waits for this thread to end: the shadow's millions of entries
                // (a sixth of a second at 10^6 events) are freed on another.
                ReleaseLater(consume shadow).release()
                return result
            }
        }
    }

    private func parse(
        _ inputs: [ImportInput], signer: MemberKeyPair?, chunkSize: Int, shadow: inout ImportShadow
    ) throws {
        var chunk = ParsedChunk()
        for (index, input) in inputs.enumerated() {
            if index > 0 { ids = DerivedIds() }
            try ImportRecords.forEach(in: input) { _, result in
                guard case .success(let line) = result else { throw UnparsableRecord() }
                records += 1
                byType[line.type, default: 0] += 1
                let event = try line.newEvent(id: ids.id(for: line)).signed(by: signer)
                try shadow.process(line, event)
                chunk.events.append(event)
                chunk.domainEvents.append(line.event)
                chunk.snapshotCuts += shadow.takeSnapshotCuts()
                if chunk.events.count >= chunkSize {
                    try queue.put(chunk)
                    chunk = ParsedChunk()
                }
            }
        }
        if !chunk.events.isEmpty { try queue.put(chunk) }
    }

    /// The shadow's result, handed over (the parser keeps no reference): set once ``stop()``
    /// has returned after a complete parse.
    func takeShadowResult() -> ShadowResult? {
        defer { shadowResult = nil }
        return shadowResult
    }

    /// Stops the parser if it is still running and waits for its thread to end; call it once
    /// the writer is done (or gives up) and before reading the counts.
    func stop() { queue.stop() }
}
