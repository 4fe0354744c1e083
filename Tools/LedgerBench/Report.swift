import Foundation

/// One line of the benchmark table: our rate beside an anchor measured in the same run.
struct Measurement: Codable {
    var work: String
    var events: Int
    var seconds: Double
    var rate: Double
    var anchor: String
    var anchorRate: Double
    /// Target as a ratio of the anchor (e.g. 0.8 = 80 % of raw LMDB), or nil when the target is absolute.
    var targetRatio: Double?
    /// Absolute target in events/s, when the target is absolute.
    var targetRate: Double?
    var note: String = ""

    var ratio: Double { anchorRate > 0 ? rate / anchorRate : 0 }
    var met: Bool {
        (targetRatio.map { ratio >= $0 } ?? true) && (targetRate.map { rate >= $0 } ?? true)
    }
    var targetText: String {
        var parts: [String] = []
        if let r = targetRatio { parts.append("≥\(formatRatio(r))") }
        if let t = targetRate { parts.append("≥\(formatRate(t))/s") }
        return parts.isEmpty ? "—" : parts.joined(separator: " & ")
    }
}

func formatRate(_ r: Double) -> String {
    switch r {
    case 1e6...: String(format: "%.2fM", r / 1e6)
    case 1e3...: String(format: "%.1fk", r / 1e3)
    default: String(format: "%.0f", r)
    }
}

func formatRatio(_ r: Double) -> String { r >= 10 ? String(format: "%.0f×", r) : String(format: "%.2f×", r) }

/// A latency figure (no anchor: the targets are absolute).
struct Latency: Codable {
    var work: String
    var p50: Double
    var p99: Double?
    var unit: String
    var target: String
    var met: Bool
}

/// Prints the table and writes it as JSON.
struct Report {
    var machine: String
    var measurements: [Measurement] = []
    var latencies: [Latency] = []
    var peakMemoryMiB = 0.0
    /// Peak anonymous memory (heap), without the pages of mapped files that `peakMemoryMiB` counts.
    var peakAnonymousMiB = 0.0
    /// Peak heap per phase ("import", "replay", "audit"), each after the allocator returned
    /// what the phase before freed, so that replay's and audit's memory are seen apart.
    var phasePeaks: [String: Double] = [:]
    /// Entries in the replayed read models: the entities that memory should grow with.
    var readModelEntries = 0

    func printTable() {
        let header = ["work", "events", "ours ev/s", "anchor", "anchor ev/s", "ratio", "target", "met"]
        var rows = [header]
        for m in measurements {
            rows.append([
                m.work, String(m.events), formatRate(m.rate), m.anchor, formatRate(m.anchorRate),
                formatRatio(m.ratio), m.targetText, m.met ? "yes" : "NO",
            ])
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        print("machine: \(machine)")
        for (n, row) in rows.enumerated() {
            print(
                row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                    .joined(separator: "  "))
            if n == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        for m in measurements where !m.note.isEmpty { print("note (\(m.work)): \(m.note)") }
        for l in latencies {
            let p99 = l.p99.map { String(format: ", p99 %.1f %@", $0, l.unit) } ?? ""
            print(
                String(format: "%@: p50 %.1f %@", l.work, l.p50, l.unit) + p99
                    + " — target \(l.target): \(l.met ? "met" : "NOT met")")
        }
        print(
            String(
                format:
                    "peak memory of the benchmark process: %.0f MiB anonymous (heap), %.0f MiB resident with mapped files",
                peakAnonymousMiB, peakMemoryMiB))
        if !phasePeaks.isEmpty {
            let phases = phasePeaks.sorted { $0.key < $1.key }.map { String(format: "%@ %.0f MiB", $0.key, $0.value) }
            print("peak heap by phase: " + phases.joined(separator: ", ") + " (\(readModelEntries) read-model entries)")
        }
    }

    func writeJSON(to path: String) throws {
        struct Output: Codable {
            var machine: String
            var date: String
            var measurements: [Measurement]
            var latencies: [Latency]
            var peakMemoryMiB: Double
            var peakAnonymousMiB: Double
            var phasePeakMiB: [String: Double]
            var readModelEntries: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(
            Output(
                machine: machine, date: ISO8601DateFormatter().string(from: Date()), measurements: measurements,
                latencies: latencies, peakMemoryMiB: peakMemoryMiB, peakAnonymousMiB: peakAnonymousMiB,
                phasePeakMiB: phasePeaks, readModelEntries: readModelEntries))
        try data.write(to: URL(fileURLWithPath: path))
    }
}

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU seconds this process has used, user and system, all threads: on a shared machine a
/// change to a job shows in its CPU time more steadily than in its wall time.
func cpuSeconds() -> Double {
    let times = cpuTimes(of: RUSAGE_SELF)
    return times.user + times.system
}

/// User and system CPU seconds of this process (`RUSAGE_SELF`), or of its children that have
/// ended and been waited for (`RUSAGE_CHILDREN`).
func cpuTimes(of who: __rusage_who) -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(who.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

/// User plus system CPU seconds another running process has used so far (fields 14 and 15 of
/// `/proc/PID/stat`, in clock ticks), or nil where the system does not list it.
func cpuSeconds(ofProcess pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
    else { return nil }
    // After the command name in parentheses come the fields from the third on.
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Runs `body` and prints to stderr how long it took and how much CPU it used.
func timed<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let (wall, cpu) = (now(), cpuSeconds())
    let result = try body()
    let line = String(format: "  %@: %.2f s, %.2f CPU-s\n", label, now() - wall, cpuSeconds() - cpu)
    FileHandle.standardError.write(Data(line.utf8))
    return result
}

func machineDescription() -> String {
    let cpu =
        (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return
        "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
}
