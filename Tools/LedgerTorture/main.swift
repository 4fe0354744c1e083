// ledger-torture: the long versions of the reliability tests, plus the small child programs
// the tests run (see ChildCommands.swift).
import Foundation
import LedgerTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let usage = """
    usage: ledger-torture run [--kills N] [--corruptions N] [--fuzz N] [--cli-fuzz N] [--seed S] [--verbose]
           ledger-torture child-append --ledger P --file F [--batch-size N] [--via append|import]
           ledger-torture child-raw-append --ledger P --prefix W --count N [--batch-size B] [--map-size BYTES] [--payload BYTES]
           ledger-torture watch --ledger P --prefixes a,b --totals n,m --batch-size B [--until N] [--stop-file F]
           ledger-torture hold-read --ledger P [--exit]
           ledger-torture exec [--fsize BYTES] [--umask OCTAL] -- PROGRAM ARGS…

    run: SIGKILLs an importing child --kills times (default 1000) and checks every acknowledged
    batch survived whole; damages --corruptions copies of a ledger file (default 300) and checks
    `ledger verify` names the damage or the log is intact; imports --fuzz mutated files in process
    (default 100000) and --cli-fuzz through the binary (default 500). Prints a summary; exit 1 if
    any event was lost or any check failed.
    """

/// `--key value` options, `--flag`s, and what follows `--`.
struct Options {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var rest: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var args = arguments
        while let arg = args.popFirst() {
            if arg == "--" {
                rest = Array(args)
                return
            }
            guard arg.hasPrefix("--") else { fail("unexpected argument \(arg)\n\(usage)", status: 2) }
            let key = String(arg.dropFirst(2))
            if let next = args.first, !next.hasPrefix("--") {
                values[key] = next
                args.removeFirst()
            } else {
                flags.insert(key)
            }
        }
    }

    func string(_ key: String) -> String? { values[key] }
    func required(_ key: String) -> String {
        guard let value = values[key] else { fail("missing --\(key)\n\(usage)", status: 2) }
        return value
    }
    func int(_ key: String, default fallback: Int) -> Int {
        guard let text = values[key] else { return fallback }
        guard let value = Int(text) ?? Double(text).map({ Int($0) }) else { fail("bad --\(key) \(text)", status: 2) }
        return value
    }
    func flag(_ key: String) -> Bool { flags.contains(key) }
    func list(_ key: String) -> [String] { values[key].map { $0.split(separator: ",").map(String.init) } ?? [] }
}

func runTorture(_ options: Options) throws -> Int32 {
    let seed = UInt64(options.int("seed", default: Int(UInt32.random(in: 1...UInt32.max))))
    let verbose = options.flag("verbose")
    let kills = options.int("kills", default: 1_000)
    let corruptions = options.int("corruptions", default: 300)
    let fuzz = options.int("fuzz", default: 100_000)
    let cliFuzz = options.int("cli-fuzz", default: 500)
    let say: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
    print("ledger-torture seed \(seed)")
    var failed = false
    let start = Date()

    if kills > 0 {
        let t = Date()
        var crash = CrashTorture(kills: kills, seed: seed)
        if verbose { crash.log = say }
        let report = try crash.run(in: TemporaryDirectory("torture-crash"))
        print("crash safety: \(report) [\(String(format: "%.0f", Date().timeIntervalSince(t))) s]")
        for violation in report.violations.prefix(10) { print("  ✗ \(violation)") }
        failed = failed || !report.violations.isEmpty || report.eventsLost != 0
    }
    if corruptions > 0 {
        let t = Date()
        var corruption = CorruptionTorture(trials: corruptions, seed: seed)
        if verbose { corruption.log = say }
        let report = try corruption.run(in: TemporaryDirectory("torture-corrupt"))
        print("corruption: \(report) [\(String(format: "%.0f", Date().timeIntervalSince(t))) s]")
        for (message, count) in report.messages.sorted(by: { $0.value > $1.value }).prefix(12) {
            print("  \(count)× \(message)")
        }
        for violation in report.violations.prefix(10) { print("  ✗ \(violation)") }
        failed = failed || !report.violations.isEmpty
    }
    if fuzz > 0 || cliFuzz > 0 {
        let t = Date()
        let fuzzer = ImportFuzzer(seed: seed)
        let scratch = ScratchDirectory("torture-fuzz")
        let corpus = try fuzzer.makeCorpus(in: scratch)
        var report = try fuzzer.runInProcess(cases: fuzz, corpus: corpus, scratch: scratch)
        report.merge(
            try fuzzer.runThroughCLI(
                importCases: cliFuzz / 2, appendCases: cliFuzz - cliFuzz / 2, corpus: corpus, scratch: scratch))
        print("bad input: \(report) [\(String(format: "%.0f", Date().timeIntervalSince(t))) s]")
        for violation in report.violations.prefix(10) { print("  ✗ \(violation)") }
        failed = failed || !report.violations.isEmpty
    }
    print(String(format: "total %.0f s; %@", Date().timeIntervalSince(start), failed ? "FAILED" : "all checks held"))
    return failed ? 1 : 0
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first else { fail(usage, status: 2) }
let options = Options(arguments.dropFirst())
do {
    switch command {
    case "run": exit(try runTorture(options))
    case "child-append": try childAppend(options)
    case "child-raw-append": try childRawAppend(options)
    case "watch": try watch(options)
    case "hold-read": try holdRead(options)
    case "exec": execLimited(options)
    case "--help", "-h", "help": fail(usage, status: 2)
    default: fail("unknown command \(command)\n\(usage)", status: 2)
    }
} catch {
    fail("\(error)")
}
