import Domain
import Foundation
import Glibc

/// The peak of this process's anonymous resident memory (`RssAnon` in /proc/self/status),
/// sampled every 50 ms on a thread of its own.
///
/// Why: `ru_maxrss` also counts the pages of memory-mapped files — the LMDB map and the
/// import file — which the kernel can drop at any time; the anonymous part is the heap the
/// ledger really holds (caches, read models, transaction pages).
final class MemorySampler: Sendable {
    private struct State {
        var peakKiB = 0
        /// The peak since the last `phasePeak()` (the whole-run peak goes on in `peakKiB`).
        var phasePeakKiB = 0
        var running = true
    }

    private let state = Locked(State())

    init() {
        let thread = Thread { [self] in
            while isRunning {
                sample()
                usleep(50_000)
            }
        }
        thread.start()
    }

    private var isRunning: Bool { state.value.running }

    private func sample() {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
            let kiB = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return }
        state.withLock {
            $0.peakKiB = max($0.peakKiB, kiB)
            $0.phasePeakKiB = max($0.phasePeakKiB, kiB)
        }
    }

    /// Returns the memory freed since the last phase to the system first (so a phase's peak is
    /// its own, not the heap an earlier phase left in the allocator) and starts a new phase.
    func startPhase() {
        Self.returnFreedMemory()
        state.withLock { $0.phasePeakKiB = 0 }
        sample()
    }

    /// glibc's `malloc_trim(0)`, looked up at run time (the Glibc module does not export it).
    private static func returnFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// The peak anonymous memory since `startPhase()`, in MiB.
    func phasePeak() -> Double {
        sample()
        return state.withLock { Double($0.phasePeakKiB) / 1024 }
    }

    /// Stops sampling and returns the peak in MiB (0 where /proc is missing).
    func stop() -> Double {
        sample()
        return state.withLock { s in
            s.running = false
            return Double(s.peakKiB) / 1024
        }
    }
}
