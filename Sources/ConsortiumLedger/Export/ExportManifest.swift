import Audit
import Foundation

/// What a snapshot directory holds and how to check it: written last, so a directory without it
/// is not a snapshot. Every other file is listed with its size and SHA-256, so `restore` can
/// refuse a damaged snapshot before it creates anything.
public struct ExportManifest: Codable, Sendable, Equatable {
    public static let fileName = "manifest.json"
    /// Names the document type, so a stray JSON file is not mistaken for a manifest.
    public static let formatName = "consortium-ledger-export"
    /// Bumped when the layout of a snapshot changes; `restore` reads this version and older ones.
    public static let currentFormatVersion = 1

    public enum Kind: String, Codable, Sendable {
        /// Every event from sequence 1.
        case full
        /// Only the events after a previous manifest's range, chained to that manifest.
        case incremental
    }

    /// An inclusive range of sequences; `first == last + 1` when the export holds no events.
    public struct SequenceRange: Codable, Sendable, Equatable, CustomStringConvertible {
        public var first: UInt64
        public var last: UInt64
        public init(first: UInt64, last: UInt64) {
            self.first = first
            self.last = last
        }
        public var count: UInt64 { last >= first ? last - first + 1 : 0 }
        public var description: String { count == 0 ? "none after \(last)" : "\(first)…\(last)" }
    }

    /// One file of the snapshot.
    public struct FileEntry: Codable, Sendable, Equatable {
        public var name: String
        public var bytes: UInt64
        public var sha256: String
    }

    /// The chain hashes at both ends of the range, so consecutive exports can be shown to be one history.
    public struct ChainEnds: Codable, Sendable, Equatable {
        /// The hash of the record before `first` (the genesis hash for a full export).
        public var previousHash: String
        /// The hash of the record at `last` (equal to `previousHash` when the export is empty).
        public var headHash: String
    }

    /// The export an incremental one continues.
    public struct PreviousExport: Codable, Sendable, Equatable {
        /// SHA-256 of the previous `manifest.json` exactly as written.
        public var manifestSHA256: String
        public var sequences: SequenceRange
        public var createdAt: String
    }

    /// The signed tree head for the whole ledger at `sequences.last`.
    public struct CheckpointInfo: Codable, Sendable, Equatable {
        public var file: String
        public var publicKeyFile: String
        public var origin: String
        public var size: UInt64
        /// Base64 of the Merkle root, as in the signed note.
        public var root: String
        public var keyName: String
        public var keyId: String
    }

    /// How the read-model files were computed.
    public struct ReadModels: Codable, Sendable, Equatable {
        /// `live` (the stored read models, current at the snapshot) or `replay` (folded from the snapshot's events).
        public var source: String
        /// The day relative figures (expiring agreements, overdue milestones) were judged on.
        public var judgedOn: String
        /// The years with a `council-YEAR` file: every year in which some event occurred.
        public var councilYears: [Int]
    }

    public var format: String
    public var formatVersion: Int
    public var toolVersion: String
    public var createdAt: String
    public var ledgerId: String
    public var requireSignatures: Bool
    public var kind: Kind
    public var sequences: SequenceRange
    public var chain: ChainEnds
    public var eventsByType: [String: UInt64]
    public var previous: PreviousExport?
    public var checkpoint: CheckpointInfo
    public var readModels: ReadModels
    public var files: [FileEntry]

    /// Sorted, indented JSON with a final newline: stable bytes, so its SHA-256 is meaningful.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads `manifest.json` from a snapshot directory (or a path to the file itself), with its
    /// exact bytes (what a later incremental export chains to).
    public static func load(from path: String) throws -> (manifest: ExportManifest, bytes: Data, directory: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LedgerError(.notFound, "\(path): no such snapshot directory or manifest")
        }
        let directory = isDirectory.boolValue ? path : SnapshotPath.parent(of: path)
        let file = isDirectory.boolValue ? SnapshotPath.join(path, fileName) : path
        guard FileManager.default.fileExists(atPath: file) else {
            throw LedgerError(
                .invalidInput,
                "\(file): missing; expected the manifest an export writes last (without it \(directory) is not a complete snapshot)"
            )
        }
        let bytes = try SnapshotFile.contents(file)  // a regular file, never a link out of the snapshot
        let manifest: ExportManifest
        do {
            manifest = try JSONDecoder().decode(ExportManifest.self, from: bytes)
        } catch {
            throw LedgerError(.invalidInput, "\(file): not an export manifest (\(error))")
        }
        guard manifest.format == formatName else {
            throw LedgerError(.invalidInput, "\(file): format is \"\(manifest.format)\", expected \"\(formatName)\"")
        }
        guard (1...currentFormatVersion).contains(manifest.formatVersion) else {
            throw LedgerError(
                .invalidInput,
                "\(file): format version \(manifest.formatVersion); this tool (\(LedgerVersion.current)) reads versions 1…\(currentFormatVersion)"
            )
        }
        return (manifest, bytes, directory)
    }
}
