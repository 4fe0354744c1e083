import Audit
import Foundation

/// The witness's durable memory: per origin, the last checkpoint it cosigned, and a folder of
/// evidence of every refused checkpoint that was validly signed by the log.
///
/// Layout under the state directory: `logs/<origin label>.checkpoint` holds the signed note;
/// `evidence/<time>-<origin label>-<size>-<reason>/` holds `cosigned.note` (what the witness
/// had cosigned), `submitted.note` and `request.txt` (the whole add-checkpoint body, proof
/// included) and `reason.txt`. Both notes carry the log's signature, so the folder alone
/// proves the log signed two incompatible histories.
struct WitnessState {
    let directory: String
    var logsDirectory: String { directory + "/logs" }
    var evidenceDirectory: String { directory + "/evidence" }

    init(directory: String) throws {
        self.directory = directory
        try DurableFile.makeDirectory(directory)
        try DurableFile.makeDirectory(logsDirectory)
    }

    private func file(for origin: String) -> String { logsDirectory + "/" + DurableFile.label(origin) + ".checkpoint" }

    /// The last checkpoint cosigned for `origin`, re-verified with the log's key so a damaged
    /// or swapped state file stops the witness instead of silently resetting it.
    func latest(origin: String, key: LedgerPublicKey) throws(WitnessError) -> SignedCheckpoint? {
        let path = file(for: origin)
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw WitnessError(.storage, "\(path): cannot read the stored checkpoint")
            }
            return nil
        }
        do {
            let note = try SignedCheckpoint(parsing: String(decoding: data, as: UTF8.self))
            _ = try note.verifiedCheckpoint(with: key)
            guard note.checkpoint.origin == origin else {
                throw WitnessError(.storage, "\(path): holds origin \(note.checkpoint.origin), expected \(origin)")
            }
            return note
        } catch let error as WitnessError {
            throw error
        } catch {
            throw WitnessError(
                .storage, "\(path): the stored checkpoint does not verify (\(error)); refusing to cosign")
        }
    }

    /// Durably replaces the stored checkpoint for its origin.
    func store(_ note: SignedCheckpoint) throws(WitnessError) {
        let path = file(for: note.checkpoint.origin)
        do {
            try DurableFile.write(Array(note.serialized.utf8), to: path)
        } catch {
            throw WitnessError(.storage, "persisting the cosigned checkpoint: \(error)")
        }
    }

    /// Writes one evidence folder; returns its path. Failure to write evidence is reported but
    /// never turns a refusal into a cosignature.
    @discardableResult
    func recordEvidence(
        reason: WitnessError, cosigned: SignedCheckpoint, request: AddCheckpointRequest, now: UInt64
    ) -> String? {
        let name =
            "\(now)-\(DurableFile.label(cosigned.checkpoint.origin))-\(request.note.checkpoint.size)-\(reason.code.rawValue)"
        let folder = evidenceDirectory + "/" + name
        do {
            try DurableFile.makeDirectory(evidenceDirectory)
            try DurableFile.makeDirectory(folder)
            try DurableFile.write(Array(cosigned.serialized.utf8), to: folder + "/cosigned.note")
            try DurableFile.write(Array(request.note.serialized.utf8), to: folder + "/submitted.note")
            try DurableFile.write(Array(request.body.utf8), to: folder + "/request.txt")
            try DurableFile.write(Array((reason.description + "\n").utf8), to: folder + "/reason.txt")
            return folder
        } catch {
            return nil
        }
    }
}
