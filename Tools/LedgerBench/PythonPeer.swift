import Foundation

/// The Python `eventsourcing` + SQLite peer (shared/anchors/py_eventsourcing_bench.py), run in a
/// virtualenv that `Tools/python-peer.sh` creates. Skipped (nil) when Python or the script is missing.
struct PythonPeer {
    let scratch: String

    struct Result {
        var appendRate: Double
        var replayRate: Double
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    func run(events: Int, mode: String) -> Result? {
        let root = Self.packageRoot
        let python = root.appendingPathComponent(".build-pyvenv/bin/python").path
        let script = root.deletingLastPathComponent().appendingPathComponent("shared/anchors/py_eventsourcing_bench.py")
            .path
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script)
        else {
            return nil
        }
        let db = scratch + "/py-\(mode)-\(events).sqlite"
        try? FileManager.default.removeItem(atPath: db)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, db, String(events), mode]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func value(_ key: String) -> Double? {
            guard let range = output.range(of: key + "=") else { return nil }
            return Double(output[range.upperBound...].prefix { $0.isNumber || $0 == "." })
        }
        guard let append = value("append_ev_s"), let replay = value("replay_ev_s") else { return nil }
        return Result(appendRate: append, replayRate: replay)
    }
}
