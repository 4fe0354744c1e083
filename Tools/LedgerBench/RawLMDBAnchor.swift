import Foundation

/// The physical-limit anchor: shared/anchors/lmdb_limit.c, built as this package's
/// `lmdb-anchor` product and run in the same session as our measurements.
struct RawLMDBAnchor {
    struct Result {
        var appendRate: Double
        var scanRate: Double
    }

    let executable: String
    let scratch: String

    init(scratch: String) {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        executable = dir.appendingPathComponent("lmdb-anchor").path
        self.scratch = scratch
    }

    /// Appends `events` records of `size` bytes in commits of `batch`, then scans them.
    func run(events: Int, batch: Int, size: Int = 300) throws -> Result {
        let dir = scratch + "/anchor-\(events)-\(batch)"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [dir, String(events), String(batch), String(size)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "appended N x 300B in batches of B: R ev/s; scanned N: S ev/s (sum)"
        let rates = output.components(separatedBy: ": ").dropFirst().compactMap { part in
            Double(part.split(separator: " ").first ?? "")
        }
        guard process.terminationStatus == 0, rates.count >= 2 else {
            throw BenchError("lmdb-anchor failed (status \(process.terminationStatus)): \(output)")
        }
        return Result(appendRate: rates[0], scanRate: rates[1])
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
