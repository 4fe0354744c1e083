import Foundation

/// Runs import, replay and audit at several history sizes, each in its own child process so
/// peak memory is per size, and prints how rates and memory grow with history.
struct ScaleRun {
    let scratch: String

    func run(sizes: [Int]) throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
        print(
            "size        import ev/s   replay ev/s   audit ev/s   entries      heap MiB: import  replay  audit"
                + "   per 1k entries: replay  audit")
        for size in sizes {
            let json = scratch + "/scale-\(size).json"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: me)
            process.arguments = [
                "--events", String(size), "--single", "10", "--jobs", "import,replay,audit", "--scratch", scratch,
                "--json", json,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: json),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let rows = object["measurements"] as? [[String: Any]]
            else { throw BenchError("scale run at \(size) failed") }
            func rate(_ prefix: String) -> String {
                let value = rows.first { ($0["work"] as? String)?.hasPrefix(prefix) == true }?["rate"] as? Double
                return value.map(formatRate) ?? "–"
            }
            let phases = object["phasePeakMiB"] as? [String: Double] ?? [:]
            let entries = object["readModelEntries"] as? Int ?? 0
            func mib(_ phase: String) -> String { phases[phase].map { String(format: "%.0f", $0) } ?? "–" }
            func perThousand(_ phase: String) -> String {
                guard let value = phases[phase], entries > 0 else { return "–" }
                return String(format: "%.2f", value * 1000 / Double(entries))
            }
            print(
                String(size).padding(toLength: 12, withPad: " ", startingAt: 0)
                    + rate("bulk import (").padding(toLength: 14, withPad: " ", startingAt: 0)
                    + rate("replay from zero").padding(toLength: 14, withPad: " ", startingAt: 0)
                    + rate("audit (signatures off)").padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(entries).padding(toLength: 23, withPad: " ", startingAt: 0)
                    + mib("import").padding(toLength: 8, withPad: " ", startingAt: 0)
                    + mib("replay").padding(toLength: 8, withPad: " ", startingAt: 0)
                    + mib("audit").padding(toLength: 27, withPad: " ", startingAt: 0)
                    + perThousand("replay").padding(toLength: 7, withPad: " ", startingAt: 0) + perThousand("audit"))
            try? FileManager.default.removeItem(atPath: scratch + "/ledger-\(size)")
        }
    }
}
