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
    /// The line number of the first byte of `data` (a segment of a bigger JSONL file starts later).
    public private(set) var firstLine = 1

    public init(path: String, format explicit: Format? = nil) throws {
        if path == "-" {
            let spool = FileManager.default.temporaryDirectory.appendingPathComponent(
                "ledger-stdin-\(UUID().uuidString)")
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

    init(name: String, data: Data, format: Format, firstLine: Int = 1) {
        self.name = name
        self.data = data
        self.format = format
        self.firstLine = firstLine
    }

    /// A JSONL input cut at line ends into pieces of about `maxBytes` (a line is never split),
    /// each numbering its lines as in the whole file; other formats come back whole.
    public func jsonlSegments(maxBytes: Int) -> [ImportInput] {
        guard format == .jsonl, data.count > maxBytes else { return [self] }
        var segments: [ImportInput] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            var line = firstLine
            while start < raw.count {
                var end = min(start + maxBytes, raw.count)
                while end < raw.count && raw[end - 1] != 0x0A { end += 1 }
                // A slice: it shares the memory-mapped bytes instead of copying them.
                let piece = data[data.startIndex + start..<data.startIndex + end]
                segments.append(ImportInput(name: name, data: piece, format: .jsonl, firstLine: line))
                line += raw[start..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                start = end
            }
        }
        return segments
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
