import Audit
import ConsortiumLedger
import Foundation
import LedgerClient

/// `ledger mirror`: a verified replica of a ledger served over HTTP.
///
/// Each round it takes the primary's signed checkpoint and checks, before storing anything
/// new, that it is signed by the primary's key (pinned at the first run), carries the witness
/// quorum if one is asked for, and extends the last checkpoint it reached (a consistency proof
/// from the primary, verified here; same size means same root). Then it copies the records up
/// to that checkpoint from the feed, read as a record stream of the primary's stored bytes:
/// each must parse, carry the next sequence and stream version and a new id, link to this
/// copy's own head with a hash recomputed here, and have a payload that decodes
/// (`VerbatimCopier`); at the checkpoint's size the local Merkle root must be the
/// signed root. Only then does the
/// checkpoint become the mirror's own (stored in the ledger and in `mirror/last.note`).
///
/// Records are committed in batches as they arrive; a finding after some batches of a round
/// stops the mirror (the records are then beyond the last verified checkpoint, and the next
/// run names the finding again rather than going past it).
public final class Mirror: @unchecked Sendable {  // used from one task at a time
    public struct Options: Sendable {
        public var directory: String
        public var pinnedKey: LedgerPublicKey?
        public var witnessKeys: [CosignerPublicKey] = []
        public var quorum = 0
        public var batchSize = 50_000
        /// If set, batches grow with the copy up to this many records (`RecordStreamReader`'s
        /// `growingTo`); otherwise every batch is `batchSize`.
        public var largestBatch: Int?
        public init(directory: String, pinnedKey: LedgerPublicKey? = nil) {
            self.directory = directory
            self.pinnedKey = pinnedKey
        }
    }

    public let remote: RemoteLedger
    public let options: Options
    let state: MirrorState
    private(set) var ledger: Ledger?
    private var primaryKey: LedgerPublicKey?
    var primaryKeyValue: LedgerPublicKey? { primaryKey }
    func setLedger(_ opened: Ledger) { ledger = opened }
    /// Called as batches are stored with the records stored so far in this round and the
    /// number the round copies (up to the primary's checkpoint), for a progress bar.
    public var progress: (@Sendable (_ stored: UInt64, _ total: UInt64) -> Void)?

    public init(remote: RemoteLedger, options: Options) {
        self.remote = remote
        self.options = options
        state = MirrorState(directory: options.directory)
    }

    /// What one round did.
    public struct Round: Sendable {
        /// The checkpoint the mirror now stands at.
        public let size: UInt64
        /// Records copied in this round.
        public let copied: UInt64
    }

    /// One round: fetch, verify, copy up to the primary's current checkpoint.
    public func syncOnce() async throws -> Round {
        let served = try await fetchCheckpoint()
        let ledger = try await openOrCreate(for: served)
        guard served.checkpoint.origin == state.origin() else {
            throw MirrorError(
                .notAMirror,
                "\(options.directory) mirrors \(state.origin() ?? "?"), the primary serves \(served.checkpoint.origin)")
        }
        if let known = try state.lastNote() {
            try await checkExtends(known: known, served: served)
            if served.checkpoint.size <= known.checkpoint.size {
                return Round(size: known.checkpoint.size, copied: 0)
            }
        }
        // After the consistency check: a rewrite is a finding whether or not witnesses cosigned it.
        if options.quorum > 0 {
            let cosigners = served.cosigners(among: options.witnessKeys).count
            guard cosigners >= options.quorum else {
                throw MirrorError(
                    .untrusted,
                    "the checkpoint of size \(served.checkpoint.size) has \(cosigners) valid witness cosignatures; "
                        + "\(options.quorum) required")
            }
        }
        let copied = try await copy(into: ledger, through: served.checkpoint.size, served: served)
        do {
            try ledger.storeReplicatedCheckpoint(served)
        } catch {
            let known = try state.lastNote() ?? served
            let folder = state.recordEvidence(
                reason: "the records the feed served do not hash to the signed root: \(error)",
                kind: .rewrittenHistory, known: known, served: served, proof: nil)
            throw MirrorError(
                .rewrittenHistory,
                "the records served up to \(served.checkpoint.size) do not match the signed checkpoint: \(error)",
                sequence: served.checkpoint.size, evidence: folder)
        }
        try state.writeLastNote(served)
        return Round(size: served.checkpoint.size, copied: copied)
    }

    /// The primary's checkpoint, signed by its key and (if asked) cosigned by the quorum.
    func fetchCheckpoint() async throws -> SignedCheckpoint {
        let text: String
        do { text = try await remote.get("/v1/checkpoint", accept: "text/plain") } catch {
            throw MirrorError(.unavailable, "GET \(remote.baseURL)/v1/checkpoint: \(error)")
        }
        let note: SignedCheckpoint
        do { note = try SignedCheckpoint(parsing: text) } catch {
            throw MirrorError(.untrusted, "\(remote.baseURL)/v1/checkpoint: \(error)")
        }
        if primaryKey == nil { primaryKey = try await loadKey() }
        guard let key = primaryKey, note.verify(with: key) else {
            throw MirrorError(.untrusted, "the served checkpoint is not signed by \(primaryKey?.verifierKey ?? "?")")
        }
        return note
    }

    /// The key checkpoints must be signed with: the mirror's stored copy, else the pinned one,
    /// else (first run only) the one the primary publishes.
    private func loadKey() async throws -> LedgerPublicKey {
        let stored = options.directory + "/checkpoint.pub"
        if FileManager.default.fileExists(atPath: stored) {
            let key = try LedgerPublicKey.load(from: stored)
            if let pinned = options.pinnedKey, pinned != key {
                throw MirrorError(.notAMirror, "\(stored) is \(key.verifierKey), not the --public-key given")
            }
            return key
        }
        if let pinned = options.pinnedKey { return pinned }
        do {
            let text = try await remote.get("/v1/public-key", accept: "application/json")
            return try LedgerPublicKey(fileContents: Data(text.utf8))
        } catch {
            throw MirrorError(.unavailable, "GET \(remote.baseURL)/v1/public-key: \(error)")
        }
    }
}
