import Foundation

/// The bytes of one import file, memory-mapped so a 10 GB file does not become 10 GB of heap.
/// Standard input (`-`) is first spooled to a temporary file, because validation reads twice.
public struct ImportInput: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, json, csv
    }

    public let name: String
    public let data: Data
    public let format: Format

    public init(path: String, format explicit: Format? = nil) throws {
        if path == "-" {
            let spool = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-stdin-\(UUID().uuidString)")
            let contents = FileHandle.standardInput.readDataToEndOfFile()
            try contents.write(to: spool)
            defer { try? FileManager.default.removeItem(at: spool) }
            data = try Data(contentsOf: spool, options: .alwaysMapped)
            name = "<stdin>"
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw LedgerError(.invalidInput, "\(path): no such file")
            }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw LedgerError(.io, "\(path): cannot read (\(error.localizedDescription))")
            }
            name = path
        }
        format = explicit ?? Self.detect(name: name, data: data)
    }

    init(name: String, data: Data, format: Format) {
        self.name = name
        self.data = data
        self.format = format
    }

    /// By extension, else by the first non-blank byte: `[` JSON array, `{` JSONL, otherwise CSV.
    static func detect(name: String, data: Data) -> Format {
        let lower = name.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        switch first {
        case UInt8(ascii: "["): return .json
        case UInt8(ascii: "{"): return .jsonl
        default: return .csv
        }
    }
}
