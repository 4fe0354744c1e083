import Domain
import Foundation

/// Small helpers for printing to a terminal or a pipe.
enum Terminal {
    /// True when standard output is a terminal (tables and progress bars) rather than a pipe.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// One error line on standard error, control characters escaped (``ControlCharacters``):
    /// messages quote user input, which must not drive the terminal.
    static func printError(_ message: String, keepingLineFeeds: Bool = false) {
        let safe = ControlCharacters.escaped(message, keepingLineFeeds: keepingLineFeeds)
        FileHandle.standardError.write(Data((safe + "\n").utf8))
    }

    /// Left-aligned columns with a rule under the header. Every cell is escaped first
    /// (``ControlCharacters``), so free text cannot forge rows, move the cursor or retitle
    /// the window.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map { ControlCharacters.escaped($0) } }
        let header = all[0]
        let widths = header.indices.map { i in all.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += all.dropFirst().map(line)
        return out.joined(separator: "\n")
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal; the library's progress
/// callbacks may call it from any thread.
final class ProgressBar: Sendable {
    private let total: UInt64
    let label: String
    private let enabled: Bool
    private let lastDrawn = Locked(0.0)
    private let start = Date()

    init(label: String, total: UInt64) {
        self.total = total
        self.label = label
        enabled = Terminal.stderrIsTerminal
    }

    func update(_ done: UInt64) {
        guard enabled else { return }
        let now = Date().timeIntervalSince(start)
        let due = lastDrawn.withLock { last in
            guard now - last > 0.1 || (total > 0 && done >= total) else { return false }
            last = now
            return true
        }
        guard due else { return }
        let rate = now > 0 ? Double(done) / now : 0
        guard total > 0 else {  // unknown total: a running count
            FileHandle.standardError.write(Data(String(format: "\r%@ %llu  %.0f ev/s", label, done, rate).utf8))
            return
        }
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(
            Data(
                String(format: "\r%@ %@ %3.0f%% %llu/%llu  %.0f ev/s", label, bar, fraction * 100, done, total, rate)
                    .utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
