import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGTERM and SIGINT for a long-running command, taken by one thread with `sigwait`.
///
/// Why not a dispatch signal source (or swift-service-lifecycle's signal handling, which is
/// one): on Linux a `DispatchSourceSignal` is registered asynchronously on libdispatch's
/// manager thread, and the caller first sets the signal to `SIG_IGN`. A SIGTERM that arrived
/// after `SIG_IGN` but before the registration was silently discarded, so a `ledger serve`
/// stopped right after it said it was ready never stopped; one that arrived earlier still
/// had the default action and killed it. Here both signals are blocked before the command
/// starts any thread (every thread it starts inherits the mask) and before it announces
/// readiness, so a signal sent at any moment stays pending until `sigwait` takes it.
struct StopSignals: Sendable {
    private static let numbers = [SIGTERM, SIGINT]

    /// Blocks SIGTERM and SIGINT in the calling thread. Call first thing on the main thread,
    /// before the command starts threads.
    init() {
        var set = Self.signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        // A parent that ignored them would pass SIG_IGN on; blocked, SIG_DFL cannot kill.
        for number in Self.numbers { signal(number, SIG_DFL) }
    }

    /// Runs `action` once, on a thread of its own, when the first SIGTERM or SIGINT arrives
    /// (including one that arrived before this call). Later ones stay blocked and change nothing.
    func onFirstSignal(_ action: @escaping @Sendable (Int32) -> Void) {
        Thread {
            var set = Self.signalSet()
            var number: Int32 = 0
            while sigwait(&set, &number) != 0 {}
            action(number)
        }.start()
    }

    /// Blocks the calling thread until the first SIGTERM or SIGINT.
    func wait() {
        let received = DispatchSemaphore(value: 0)
        onFirstSignal { _ in received.signal() }
        received.wait()
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in numbers { sigaddset(&set, number) }
        return set
    }
}
