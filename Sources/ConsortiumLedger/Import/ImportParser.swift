import Audit
import Domain
import EventStore
import Foundation
import LMDB

/// Parses an import's inputs on a thread of its own, ahead of the writer, and folds them on a
/// second, handing chunks through bounded queues (see ``HandOffQueue`` for why):
/// parser (JSON, rules: ``ImportShadow``) → fold (read models, snapshots: ``ShadowFold``) →
/// writer, which takes them from ``queue``.
///
/// Both threads read snapshots opened inside the writer's transaction, as the writer creates
/// the parser there. The first unparsable or rejected record ends the parse with an error: the
/// single-transaction import then gives up and the two-pass import reports every bad record.
///
/// `@unchecked Sendable`: the counts, ids and rule result are written only by the parser
/// thread, the shadow result only by the fold thread, which reads the rule result after the
/// parser ended; everything is read only after ``stop()`` has joined both.
final class ImportParser: @unchecked Sendable {
    /// What the shadow left for the writer's transaction.
    struct ShadowResult {
        var writes: KeyOrderedWrites
        var nextSequence: UInt64
        var alreadyRecorded: Int
    }

    /// Chunks parsed, checked and folded, for the writer.
    let queue = HandOffQueue<ParsedChunk>()
    /// Chunks parsed and checked, for the fold thread.
    private let parsed = HandOffQueue<ParsedChunk>()
    /// Complete only after ``stop()`` returned.
    private(set) var records = 0
    private(set) var byType: [String: Int] = [:]
    /// The content-derived id state after the last record (for the next segment of its file).
    private(set) var ids: DerivedIds
    /// The rules' part of the result, set by the parser thread once every record was checked.
    private var rulesResult: ShadowResult?
    /// Set once every record was parsed, checked and folded; read after ``stop()``.
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
        parsed.start { [self] in
            rulesResult = try ledger.store.read { reader in
                var shadow = try ImportShadow(reader: reader, ledger: ledger)
                try parse(inputs, signer: signer, chunkSize: chunkSize, shadow: &shadow)
                let result = ShadowResult(
                    writes: shadow.pendingWrites(rulesDatabase: ledger.facade.rules),
                    nextSequence: shadow.nextSequence, alreadyRecorded: shadow.alreadyRecorded)
                // The writer waits for this thread to end: the shadow's entries are freed on another.
                ReleaseLater(consume shadow).release()
                return result
            }
        }
        queue.start { [self] in
            // However this thread ends, the parser's has ended before it.
            defer { parsed.stop() }
            shadowResult = try ledger.store.read { reader in
                var fold = try ShadowFold(reader: reader, ledger: ledger)
                while var chunk = try parsed.take() {
                    for (event, context) in zip(chunk.domainEvents, chunk.foldContexts) {
                        if let context { try fold.fold(event, context) }
                    }
                    chunk.snapshotCuts = fold.takeSnapshotCuts()
                    chunk.foldContexts = []
                    try queue.put(chunk)
                }
                guard var result = rulesResult else { return nil }
                result.writes += try fold.pendingWrites()
                ReleaseLater(consume fold).release()
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
                chunk.foldContexts.append(try shadow.process(line, event))
                chunk.events.append(event)
                chunk.domainEvents.append(line.event)
                if chunk.events.count >= chunkSize {
                    try parsed.put(chunk)
                    chunk = ParsedChunk()
                }
            }
        }
        if !chunk.events.isEmpty { try parsed.put(chunk) }
    }

    /// The shadow's result, handed over (the parser keeps no reference): set once ``stop()``
    /// has returned after a complete parse.
    func takeShadowResult() -> ShadowResult? {
        defer { shadowResult = nil }
        return shadowResult
    }

    /// Stops the parser and the fold if they are still running and waits for both threads to
    /// end; call it once the writer is done (or gives up) and before reading the counts.
    func stop() { queue.stop() }
}
