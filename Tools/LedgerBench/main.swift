import Foundation

/// `ledger-bench`: measures every job of the ledger beside anchors run in the same session and
/// prints a table (work, our rate, anchor rate, ratio, target, met) and a JSON file.
let usage = """
    usage: ledger-bench [--events N] [--single N] [--jobs LIST] [--scale N,N,…] [--scratch DIR] [--json FILE] [--reuse] [--repeat N]
      --events N    generated events for import, replay, audit, queries and batched appends (default 1000000)
      --single N    events for the one-commit-per-event runs (default 3000)
      --jobs LIST   comma-separated subset of: append,cli,concurrent,http,import,replay,audit,query,asof,export,python,sink,
                    replication
                    (default all; sink needs LEDGER_BENCH_POSTGRES_URL or LEDGER_TEST_POSTGRES_URL)
      --scale LIST  run import/replay/audit at each size in a child process and print rates and peak memory
      --scratch DIR where temporary ledgers go (default ./bench-out)
      --json FILE   where to write the results (default <scratch>/results.json)
      --reuse       replay, audit and query the ledger an earlier run imported into <scratch> (no import row):
                    for measuring a change to the fold without importing again
      --repeat N    run replay, audit and the mirror copy N times each and report the median (default 1)
    Smoke run: ledger-bench --events 1000 --single 50
    """

var events = 1_000_000
var single = 3_000
var jobs: Set<String> = [
    "asof", "append", "cli", "concurrent", "http", "import", "replay", "audit", "query", "export", "python", "sink",
    "replication",
]
var scale: [Int] = []
var scratch = FileManager.default.currentDirectoryPath + "/bench-out"
var jsonPath: String?
var reuse = false
var repeats = 1
var args = CommandLine.arguments.dropFirst()
@MainActor func intArgument(_ flag: String) -> Int {
    guard let text = args.popFirst(),
        let value = Int(text.replacingOccurrences(of: "_", with: "")) ?? Double(text).map({ Int($0) }),
        value > 0
    else {
        FileHandle.standardError.write(Data("\(flag) needs a positive number\n\(usage)\n".utf8))
        exit(2)
    }
    return value
}
while let flag = args.popFirst() {
    switch flag {
    case "--events": events = intArgument(flag)
    case "--single": single = intArgument(flag)
    case "--jobs": jobs = Set((args.popFirst() ?? "").split(separator: ",").map(String.init))
    case "--scale": scale = (args.popFirst() ?? "").split(separator: ",").compactMap { Double($0).map { Int($0) } }
    case "--scratch": scratch = args.popFirst() ?? scratch
    case "--json": jsonPath = args.popFirst()
    case "--reuse": reuse = true
    case "--repeat": repeats = intArgument(flag)
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        FileHandle.standardError.write(Data("unknown argument \(flag)\n\(usage)\n".utf8))
        exit(2)
    }
}

do {
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    if !scale.isEmpty {
        try ScaleRun(scratch: scratch).run(sizes: scale)
        exit(0)
    }
    var suite = BenchSuite(scratch: scratch, events: events, single: single, jobs: jobs, reuse: reuse, repeats: repeats)
    try suite.run()
    suite.report.printTable()
    let out = jsonPath ?? scratch + "/results.json"
    try suite.report.writeJSON(to: out)
    print("results written to \(out)")
} catch {
    FileHandle.standardError.write(Data("ledger-bench: \(error)\n".utf8))
    exit(1)
}
