import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended.
public enum ChildOutcome: Sendable, Equatable, CustomStringConvertible {
    /// It exited by itself with this status.
    case exited(Int32)
    /// A signal ended it (SIGKILL from the test, or SIGSEGV/SIGBUS/SIGILL from a crash).
    case signalled(Int32)
    /// It was still running when the caller's limit ran out, and was killed.
    case hung

    public var description: String {
        switch self {
        case .exited(let status): "exit \(status)"
        case .signalled(let signal): "killed by \(ChildOutcome.signalName(signal))"
        case .hung: "hung (killed after the time limit)"
        }
    }

    public var isCrash: Bool {
        if case .signalled(let s) = self { return s != SIGKILL }
        return false
    }

    public static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: "SIGKILL"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGFPE: "SIGFPE"
        case SIGXFSZ: "SIGXFSZ"
        default: "signal \(signal)"
        }
    }
}

/// Everything a finished child printed, and how it ended.
public struct ChildResult: Sendable, CustomStringConvertible {
    public let outcome: ChildOutcome
    public let stdout: String
    public let stderr: String

    public var status: Int32? {
        if case .exited(let s) = outcome { return s }
        return nil
    }

    public var description: String {
        "\(outcome); stderr: \(stderr.trimmingCharacters(in: .whitespacesAndNewlines).prefix(600))"
    }
}

/// A running child (a built product such as `ledger` or `ledger-torture`) whose standard output
/// is read line by line while it runs — the way a test learns which batches were acknowledged
/// before it kills the child. Standard error is drained in the background so it cannot block.
///
/// `@unchecked Sendable`: `pending` and `stdoutEnded` are guarded by `stdoutReady` (an
/// `NSCondition`: readers wait on it), `stderrData` by `lock`; the rest is immutable.
public final class ChildProcess: @unchecked Sendable {
    public let process: Process
    private let stdoutHandle: FileHandle
    private let lock = NSLock()
    /// Guards `pending` and `stdoutEnded`; signalled whenever the reader thread adds to them.
    private let stdoutReady = NSCondition()
    private var pending: [UInt8] = []
    private var stdoutEnded = false
    private var stderrData = Data()
    private let stderrDone = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    /// Starts `executable` (a path) with `arguments`.
    public init(
        executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
    ) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "LEDGER_PATH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        stdoutHandle = out.fileHandleForReading
        // Drain standard output all the time, so a child printing a lot never blocks on a full pipe.
        let outHandle = stdoutHandle
        Thread { [weak self, outHandle] in
            while true {
                let chunk = outHandle.availableData
                guard let self else { return }
                self.stdoutReady.lock()
                if chunk.isEmpty { self.stdoutEnded = true } else { self.pending.append(contentsOf: chunk) }
                self.stdoutReady.broadcast()
                self.stdoutReady.unlock()
                if chunk.isEmpty { return }
            }
        }.start()
        let errHandle = err.fileHandleForReading
        let thread = Thread { [weak self, errHandle] in
            let data = errHandle.readDataToEndOfFile()
            if let self {
                self.lock.lock()
                self.stderrData = data
                self.lock.unlock()
                self.stderrDone.signal()
            }
        }
        thread.start()
        if let input, let stdin {
            let writer = input.fileHandleForWriting
            // A child that stops reading (it failed early) must not block the test: write on a thread.
            Thread {
                signal(SIGPIPE, SIG_IGN)
                try? writer.write(contentsOf: stdin)
                try? writer.close()
            }.start()
        }
    }

    /// Starts one of this package's built products by name.
    public convenience init(
        product: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
    ) throws {
        try self.init(executable: ProcessRunner.product(product), arguments, stdin: stdin, environment: environment)
    }

    public var pid: Int32 { process.processIdentifier }

    /// The next line the child printed (without its newline); `nil` once its output has ended.
    public func readLine() -> String? {
        stdoutReady.lock()
        defer { stdoutReady.unlock() }
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if stdoutEnded {
                let rest = pending
                pending.removeAll()
                return rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self)
            }
            stdoutReady.wait()
        }
    }

    /// Sends `signal` (SIGKILL by default) to the child.
    public func kill(_ signal: Int32 = SIGKILL) {
        #if canImport(Glibc)
            _ = Glibc.kill(process.processIdentifier, signal)
        #else
            _ = Darwin.kill(process.processIdentifier, signal)
        #endif
    }

    /// Waits for the child to end; with a `limit` in seconds, kills it when the limit runs out and
    /// reports `.hung`. Returns what it printed that was not read with `readLine`.
    @discardableResult
    public func wait(limit seconds: Double? = nil) -> ChildResult {
        var hung = false
        if let seconds {
            if exited.wait(timeout: .now() + seconds) == .timedOut {
                hung = true
                kill(SIGKILL)
                exited.wait()
            }
        } else {
            exited.wait()
        }
        exited.signal()  // later calls return at once
        var rest: [UInt8] = []
        while let line = readLine() { rest += Array(line.utf8) + [0x0A] }
        stderrDone.wait()
        stderrDone.signal()
        lock.lock()
        let errText = String(decoding: stderrData, as: UTF8.self)
        lock.unlock()
        let outcome: ChildOutcome
        if hung {
            outcome = .hung
        } else if process.terminationReason == .uncaughtSignal {
            outcome = .signalled(process.terminationStatus)
        } else {
            outcome = .exited(process.terminationStatus)
        }
        return ChildResult(outcome: outcome, stdout: String(decoding: rest, as: UTF8.self), stderr: errText)
    }

    /// Runs a product to completion (killing it after `limit` seconds, if given).
    public static func run(
        _ product: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        limit: Double? = 300
    ) throws -> ChildResult {
        try ChildProcess(product: product, arguments, stdin: stdin, environment: environment).wait(limit: limit)
    }

    /// Runs an executable given by path to completion.
    public static func run(
        executable: String, _ arguments: [String], stdin: Data? = nil, limit: Double? = 300
    ) throws -> ChildResult {
        try ChildProcess(executable: executable, arguments, stdin: stdin).wait(limit: limit)
    }
}
