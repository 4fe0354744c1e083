import Audit
import Foundation

/// What a mirror keeps beside its ledger: `DIR/mirror/source` (the origin it copies) and
/// `DIR/mirror/last.note` (the last checkpoint it verified and reached), each replaced
/// atomically; and `DIR/evidence/` for findings.
struct MirrorState {
    let directory: String
    var metaDirectory: String { directory + "/mirror" }
    var originFile: String { metaDirectory + "/origin" }
    var lastNoteFile: String { metaDirectory + "/last.note" }
    var evidenceDirectory: String { directory + "/evidence" }

    func origin() -> String? {
        FileManager.default.contents(atPath: originFile).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
    }

    func writeOrigin(_ origin: String) throws {
        try DurableFile.makeDirectory(metaDirectory)
        try DurableFile.write(Array((origin + "\n").utf8), to: originFile)
    }

    func lastNote() throws -> SignedCheckpoint? {
        guard let data = FileManager.default.contents(atPath: lastNoteFile) else { return nil }
        return try SignedCheckpoint(parsing: String(decoding: data, as: UTF8.self))
    }

    func writeLastNote(_ note: SignedCheckpoint) throws {
        try DurableFile.write(Array(note.serialized.utf8), to: lastNoteFile)
    }

    /// Writes `DIR/evidence/<time>-<reason>-<size>/` with both notes, the proof and the reason.
    func recordEvidence(
        reason: String, kind: MirrorError.Code, known: SignedCheckpoint, served: SignedCheckpoint,
        proof: String?, extra: [String: String] = [:]
    ) -> String? {
        let stamp = Int(Date().timeIntervalSince1970)
        let folder = evidenceDirectory + "/\(stamp)-\(kind.rawValue)-\(served.checkpoint.size)"
        do {
            try DurableFile.makeDirectory(evidenceDirectory)
            try DurableFile.makeDirectory(folder)
            try DurableFile.write(Array(known.serialized.utf8), to: folder + "/known.note")
            try DurableFile.write(Array(served.serialized.utf8), to: folder + "/served.note")
            if let proof { try DurableFile.write(Array(proof.utf8), to: folder + "/proof.json") }
            for (name, text) in extra { try DurableFile.write(Array(text.utf8), to: folder + "/" + name) }
            try DurableFile.write(Array((reason + "\n").utf8), to: folder + "/reason.txt")
            return folder
        } catch {
            return nil
        }
    }
}
