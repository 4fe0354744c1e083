import Domain
import Foundation

/// Runs a built executable of this package and captures what it printed.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum ProcessRunner {
    /// The directory holding this package's built products (next to the test bundle).
    public static var productsDirectory: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for dir in candidates where FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger").path) {
            return dir
        }
        return candidates[0]
    }

    /// The path of a built product such as `ledger`.
    public static func product(_ name: String) -> String { productsDirectory.appendingPathComponent(name).path }

    /// Starts a product; the caller waits or kills it.
    public static func start(
        _ name: String, _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
        currentDirectory: String? = nil
    ) throws -> (Process, Pipe, Pipe) {
        try start(
            executable: product(name), arguments, environment: environment, stdin: stdin,
            currentDirectory: currentDirectory)
    }

    /// `start` for any executable, given by its path (a system tool a test runs a product under).
    public static func start(
        executable: String, _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
        currentDirectory: String? = nil
    ) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "LEDGER_PATH")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return (process, out, err)
    }

    /// Runs a product to completion.
    public static func run(
        _ name: String, _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
        currentDirectory: String? = nil
    ) throws -> ProcessResult {
        try run(
            executable: product(name), arguments, environment: environment, stdin: stdin,
            currentDirectory: currentDirectory)
    }

    /// `run` for any executable, given by its path.
    public static func run(
        executable: String, _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
        currentDirectory: String? = nil
    ) throws -> ProcessResult {
        let (process, out, err) = try start(
            executable: executable, arguments, environment: environment, stdin: stdin,
            currentDirectory: currentDirectory)
        // Drain stderr on another thread while reading stdout, so a full pipe cannot block the child.
        let stderrBox = Locked(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderrBox.withLock { $0 = data }
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let stderrData = stderrBox.value
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
