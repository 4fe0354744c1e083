import Foundation

/// `ledger-bench`: measures the ledger against anchors run in the same session.
/// Prints a table (work, our rate, anchor rate, ratio, target, met) and writes it as JSON.
let usage = """
    usage: ledger-bench [--events N] [--single N] [--scratch DIR] [--json FILE]
      --events N    events for batched runs (default 1000000)
      --single N    events for one-commit-per-event runs (default 5000)
      --scratch DIR where temporary ledgers go (default ./bench-out)
      --json FILE   where to write the results (default bench-out/results.json)
    """

var events = 1_000_000
var single = 5_000
var scratch = FileManager.default.currentDirectoryPath + "/bench-out"
var jsonPath: String?
var args = CommandLine.arguments.dropFirst()
while let flag = args.popFirst() {
    switch flag {
    case "--events": events = args.popFirst().flatMap { Int($0) } ?? events
    case "--single": single = args.popFirst().flatMap { Int($0) } ?? single
    case "--scratch": scratch = args.popFirst() ?? scratch
    case "--json": jsonPath = args.popFirst()
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
    var report = Report(machine: machineDescription())
    let anchor = RawLMDBAnchor(scratch: scratch)
    let append = AppendBenchmark(scratch: scratch)

    print("raw LMDB anchor: \(single) single commits …")
    let rawSingle = try anchor.run(events: single, batch: 1)
    print("ledger: \(single) single durable appends …")
    let oursSingle = try append.run(events: single, batch: 1)
    report.measurements.append(
        Measurement(
            work: "single durable append (library)", events: single, seconds: Double(single) / oursSingle,
            rate: oursSingle, anchor: "raw LMDB C, 1/commit", anchorRate: rawSingle.appendRate, targetRatio: 0.8))

    print("raw LMDB anchor: \(events) in 10k commits …")
    let raw10k = try anchor.run(events: events, batch: 10_000)
    print("ledger: \(events) appends in 10k batches …")
    let ours10k = try append.run(events: events, batch: Int(ProcessInfo.processInfo.environment["BENCH_BATCH"] ?? "10000") ?? 10_000)
    report.measurements.append(
        Measurement(
            work: "batched append, 10k/commit", events: events, seconds: Double(events) / ours10k,
            rate: ours10k, anchor: "raw LMDB C, 10k/commit", anchorRate: raw10k.appendRate, targetRatio: 0.2))

    let raw100 = try anchor.run(events: min(events, 200_000), batch: 100)
    let ours100 = try append.run(events: min(events, 200_000), batch: 100)
    report.measurements.append(
        Measurement(
            work: "batched append, 100/commit", events: min(events, 200_000), seconds: Double(min(events, 200_000)) / ours100,
            rate: ours100, anchor: "raw LMDB C, 100/commit", anchorRate: raw100.appendRate, targetRatio: nil))

    print()
    report.printTable()
    let out = jsonPath ?? scratch + "/results.json"
    try report.writeJSON(to: out)
    print("results written to \(out)")
} catch {
    FileHandle.standardError.write(Data("ledger-bench: \(error)\n".utf8))
    exit(1)
}
