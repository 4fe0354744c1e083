import Foundation

/// Runs a program the way a shell does (`posix_spawn`, then a blocking `wait4`) and reports its
/// exit status, wall time and peak resident memory.
///
/// Foundation's `Process.waitUntilExit` on Linux polls its run loop in 50 ms steps, which adds
/// up to 50 ms to every measured CLI call; timings of process-per-call work use this instead.
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// Peak resident memory of the child (`ru_maxrss`), in MiB.
    var peakMiB: Double

    /// Runs `executable` with `arguments`; standard output goes to /dev/null when `quiet`.
    static func run(_ executable: String, _ arguments: [String], quiet: Bool = true) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { for pointer in argv { free(pointer) } }
        let start = now()
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv + [nil], environ)
        guard rc == 0 else { throw BenchError("posix_spawn \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 \(executable): \(String(cString: strerror(errno)))") }
        }
        let seconds = now() - start
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildRun(status: exit, seconds: seconds, peakMiB: Double(usage.ru_maxrss) / 1024)
    }
}
