import Audit
import Foundation

/// How one witness dealt with one checkpoint.
public struct WitnessReport: Sendable {
    public let witness: WitnessEndpoint
    /// The valid cosignature line, when the witness cosigned.
    public let cosignature: NoteSignature?
    /// Why not, in words (unreachable, refused with status and reason, invalid signature).
    public let problem: String?
    /// False when the witness could not be reached (worth asking again later); a refusal is an answer.
    public var answered = true
}

/// Gathers cosignatures for a log's new checkpoint from its witnesses, concurrently.
///
/// A witness wants the size it last cosigned as `old`: the collector first offers the size
/// that witness last cosigned for it (0 at first), and on a 409 retries once from the size
/// the witness names, with a consistency proof from there. Lines that do not verify with the
/// witness's configured key are dropped, so the note only ever carries valid cosignatures.
public final class CosignatureCollector: @unchecked Sendable {  // `lastSizes` is under `lock`
    public let witnesses: [WitnessEndpoint]
    let client: WitnessClient
    private var lastSizes: [String: UInt64] = [:]
    private let lock = NSLock()

    public init(witnesses: [WitnessEndpoint], client: WitnessClient = WitnessClient()) {
        self.witnesses = witnesses
        self.client = client
    }

    /// Asks every witness about `note`; `proof(oldSize)` gives the consistency proof from
    /// `oldSize` to the note's size. Returns the note with the valid cosignatures added.
    public func collect(
        _ note: SignedCheckpoint, proof: @escaping @Sendable (UInt64) throws -> [Hash]
    ) async -> (note: SignedCheckpoint, reports: [WitnessReport]) {
        let reports = await withTaskGroup(of: WitnessReport.self) { group in
            for witness in witnesses {
                group.addTask { await self.ask(witness, note, proof) }
            }
            var all: [WitnessReport] = []
            for await report in group { all.append(report) }
            return all
        }
        let ordered = witnesses.compactMap { w in reports.first { $0.witness == w } }
        return (note.adding(ordered.compactMap(\.cosignature)), ordered)
    }

    private func ask(
        _ witness: WitnessEndpoint, _ note: SignedCheckpoint, _ proof: @Sendable (UInt64) throws -> [Hash]
    ) async -> WitnessReport {
        let size = note.checkpoint.size
        var oldSize = min(lock.withLock { lastSizes[witness.url] ?? 0 }, size)
        for attempt in 0..<2 {
            let request: AddCheckpointRequest
            do {
                request = AddCheckpointRequest(
                    oldSize: oldSize, proof: oldSize == 0 ? [] : try proof(oldSize), note: note)
            } catch {
                return WitnessReport(
                    witness: witness, cosignature: nil, problem: "no proof from size \(oldSize): \(error)")
            }
            let outcome: AddCheckpointOutcome
            do { outcome = try await client.addCheckpoint(request, to: witness) } catch {
                return WitnessReport(
                    witness: witness, cosignature: nil, problem: "unreachable at \(witness.url): \(error)",
                    answered: false)
            }
            switch outcome {
            case .cosigned(let lines):
                guard let valid = lines.first(where: { witness.key.verify($0, on: note.checkpoint) != nil }) else {
                    return WitnessReport(
                        witness: witness, cosignature: nil,
                        problem: "answered 200 without a valid cosignature by \(witness.key.verifierKey)")
                }
                lock.withLock { lastSizes[witness.url] = size }
                return WitnessReport(witness: witness, cosignature: valid, problem: nil)
            case .knownSize(let known) where attempt == 0 && known != oldSize && known <= size:
                oldSize = known
            case .knownSize(let known):
                return WitnessReport(
                    witness: witness, cosignature: nil,
                    problem: "409: the witness has cosigned size \(known), this checkpoint has size \(size)")
            case .refused(let status, let reason):
                return WitnessReport(witness: witness, cosignature: nil, problem: "\(status): \(reason)")
            }
        }
        return WitnessReport(witness: witness, cosignature: nil, problem: "no agreement on the old size")
    }
}
