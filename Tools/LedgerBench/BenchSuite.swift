import ConsortiumLedger
import Foundation

/// One run of every selected job, each beside its anchor from the same run.
struct BenchSuite {
    let scratch: String
    let events: Int
    let single: Int
    let jobs: Set<String>
    /// Whether to open the ledger an earlier run imported instead of importing again.
    let reuse: Bool
    /// How many times replay, audit and the mirror copy run; their rows give the median (a
    /// shared machine's noise moves single runs by 10–20 %, a first copy after the import more).
    let repeats: Int
    var report = Report(machine: machineDescription())

    init(scratch: String, events: Int, single: Int, jobs: Set<String>, reuse: Bool = false, repeats: Int = 1) {
        self.scratch = scratch
        self.reuse = reuse
        self.repeats = max(repeats, 1)
        self.events = events
        self.single = single
        self.jobs = jobs
    }

    private func step(_ text: String) { FileHandle.standardError.write(Data("· \(text)\n".utf8)) }

    mutating func run() throws {
        let memory = MemorySampler()
        let anchor = RawLMDBAnchor(scratch: scratch)
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let bench = LedgerBenchmarks(scratch: scratch, binDirectory: bin)
        step("raw LMDB anchor: \(single) single commits, \(events) in 10k commits + scan")
        let rawSingle = try anchor.run(events: single, batch: 1)
        let raw10k = try anchor.run(events: events, batch: 10_000)
        let python = jobs.contains("python") ? PythonPeer(scratch: scratch) : nil

        if jobs.contains("append") {
            step("library: \(single) single durable appends, \(events) in 10k batches")
            let append = AppendBenchmark(scratch: scratch)
            let ours = try append.run(events: single, batch: 1)
            add(
                "single durable append (library)", single, ours, "raw LMDB C, 1/commit", rawSingle.appendRate,
                ratio: 0.8)
            let batched = try append.run(events: events, batch: 10_000)
            add(
                "batched append, 10k/commit (library)", events, batched, "raw LMDB C, 10k/commit", raw10k.appendRate,
                ratio: 0.2)
        }

        let ledger: Ledger
        let importRate: Double?
        if reuse {
            step("reusing the ledger of an earlier run")
            (ledger, importRate) = (try bench.importedLedger(events: events), nil)
        } else {
            step("generating \(events) consortium events")
            let history = try bench.generate(events: events)
            step("bulk import of the generated history")
            memory.startPhase()
            let imported = try bench.importHistory(history, events: events)
            (ledger, importRate) = (imported.0, imported.1)
            report.phasePeaks["import"] = memory.phasePeak()
        }
        if jobs.contains("import"), let importRate {
            add(
                "bulk import (validate+rules+hash+Merkle+projections+sync)", events, importRate,
                "raw LMDB C, 10k/commit", raw10k.appendRate, ratio: 0.2, rate: 400_000)
            if let py = python?.run(events: min(events, 100_000), mode: "batch") {
                add(
                    "bulk import vs Python eventsourcing (batched save)", events, importRate,
                    "py eventsourcing+SQLite", py.appendRate, ratio: 10)
            }
        }
        if jobs.contains("replay") {
            step("replay into all three read models")
            memory.startPhase()
            var rates: [Double] = []
            for _ in 0..<repeats {
                let (rate, entries) = try bench.replayRate(ledger, events: events)
                rates.append(rate)
                report.readModelEntries = entries
            }
            report.phasePeaks["replay"] = memory.phasePeak()
            let replay = median(rates)
            add(
                "replay from zero into 3 read models", events, replay, "raw LMDB C cursor scan", raw10k.scanRate,
                rate: 2_000_000, note: spread(rates))
            if let py = python?.run(events: min(events, 100_000), mode: "batch") {
                add(
                    "replay vs Python eventsourcing (replay+fold)", events, replay, "py eventsourcing+SQLite",
                    py.replayRate, ratio: 10)
            }
        }
        if jobs.contains("audit") {
            step("audit with and without member signatures")
            memory.startPhase()
            var rates: [Double] = []
            for _ in 0..<repeats { rates.append(try bench.auditRate(ledger, events: events, signatures: false)) }
            report.phasePeaks["audit"] = memory.phasePeak()
            add(
                "audit (signatures off)", events, median(rates), "raw LMDB C cursor scan", raw10k.scanRate,
                rate: 1_000_000, note: spread(rates))
            let signed = try bench.auditRate(ledger, events: events, signatures: true)
            add("audit (signatures on)", events, signed, "raw LMDB C cursor scan", raw10k.scanRate)
        }
        let year = 2024
        if jobs.contains("query") {
            step("query latency in process and through the CLI")
            let (p50, p99) = try bench.queryLatency(ledger, year: year)
            report.latencies.append(
                Latency(
                    work: "tier query in process (council/committee)", p50: p50, p99: p99, unit: "µs",
                    target: "p99 < 100 µs", met: p99 < 100))
            let cli = try bench.cliQueryLatency(ledgerPath: ledger.path, year: year)
            report.latencies.append(
                Latency(
                    work: "ledger query council, end to end", p50: cli, p99: nil, unit: "ms", target: "p50 < 30 ms",
                    met: cli < 30))
        }
        if jobs.contains("asof") {
            step("snapshots from zero, then as-of DATE / SEQ and head council queries through the CLI")
            let start = now()
            try ledger.rebuildSnapshots()
            let rebuild = Double(events) / (now() - start)
            let status = try ledger.snapshotStatus()
            add(
                "read-model snapshots written from zero (checkpointer)", events, rebuild, "raw LMDB C cursor scan",
                raw10k.scanRate,
                note: String(
                    format:
                        "%d snapshots (%d month ends, every %llu events), %d key versions, %.1f MiB = %.1f %% of the ledger's %.0f MiB; %d late events",
                    status.count, status.monthEnds, status.interval, status.versions, Double(status.bytes) / 1_048_576,
                    status.share * 100, Double(status.ledgerBytes) / 1_048_576, status.lateEvents))
            let (head, date, sequence) = try AsOfBenchmark(bench: bench).run(ledgerPath: ledger.path, status: status)
            func latency(_ work: String, _ f: AsOfBenchmark.Figures, target: Bool) {
                report.latencies.append(
                    Latency(
                        work: work + String(format: " (peak RSS %.0f MiB)", f.peakMiB), p50: f.p50, p99: f.p99,
                        unit: "ms",
                        target: target ? "p50 < 100 ms" : "—", met: !target || f.p50 < 100))
            }
            latency("ledger query council, head, end to end", head, target: false)
            latency("ledger query council --as-of DATE, end to end", date, target: true)
            latency("ledger query council --as-of SEQ, end to end", sequence, target: true)
            // The path every as-of query took before snapshots: a replay from zero to the cut-off.
            var replays: [Double] = []
            for day in [status.firstMonthEnd, status.lastMonthEnd].compactMap({ $0 }) {
                let start = now()
                _ = try ledger.replay(cutoff: .occurredOnOrBefore(day)).appliedCount
                replays.append((now() - start) * 1e3)
            }
            replays.sort()
            if let slowest = replays.last {
                report.latencies.append(
                    Latency(
                        work:
                            "as-of DATE replay from zero (the path before snapshots, query itself not counted), in process",
                        p50: replays[0],
                        p99: slowest, unit: "ms (p50 column: earliest month end, p99 column: latest)", target: "—",
                        met: true))
            }
            report.latencies.append(
                Latency(
                    work: "as-of DATE / head p50 ratio (same run)", p50: date.p50 / max(head.p50, 1e-9),
                    p99: sequence.p50 / max(head.p50, 1e-9), unit: "× (p99 column: SEQ / head)", target: "—", met: true)
            )
        }
        if jobs.contains("export") {
            step("export of the whole ledger, then `ledger export` for its peak memory")
            let rate = try bench.exportRate(ledger, events: events)
            add(
                "nightly export (events.jsonl+read models+SHA-256+checkpoint)", events, rate,
                "raw LMDB C cursor scan", raw10k.scanRate, rate: 500_000)
            let peak = try bench.exportPeakMiB(ledgerPath: ledger.path, events: events)
            report.measurements[report.measurements.count - 1].note =
                peak.map { String(format: "peak RSS of `ledger export` at %d events: %.0f MiB", events, $0) }
                ?? "peak RSS of `ledger export` not measured (no /usr/bin/time)"
        }
        if jobs.contains("sink") {
            if let sink = SinkBenchmark() {
                step("PostgreSQL: COPY of the \(events) event rows (anchor), then `ledger sink postgres` of the ledger")
                let (ours, copy) = try sink.run(ledger, events: events)
                add(
                    "sink into PostgreSQL (events + 3 tiers + position per 20k-event transaction)", events, ours,
                    "PostgreSQL COPY of the same rows", copy, ratio: 0.5)
            } else {
                step("sink: skipped (set LEDGER_BENCH_POSTGRES_URL or LEDGER_TEST_POSTGRES_URL)")
            }
        }
        if jobs.contains("cli") {
            let count = min(single, 200)
            step("CLI: \(count) `ledger append` processes, and \(count) C processes of one commit each")
            let cli = try bench.cliAppendRate(ledgerPath: ledger.path, count: count)
            add(
                "single durable append (CLI, process per event)", count, cli, "raw LMDB C, 1/commit",
                rawSingle.appendRate, ratio: 0.8)
            let perProcess = try bench.processPerCommitAnchorRate(count: count)
            add("single durable append (CLI) vs C process per commit", count, cli, "C process + 1 commit", perProcess)
        }
        if jobs.contains("concurrent") {
            // The disk's sync latency drifts by 10× within a minute on this shared machine, so each
            // row's anchor is the single-commit run re-measured just before and just after that row.
            let anchorEvents = min(single, 1_000)
            func bracketed(_ work: String, target: Double?, _ body: () throws -> ConcurrentAppendBenchmark.Figure)
                throws
            {
                let before = try anchor.run(events: anchorEvents, batch: 1).appendRate
                let figure = try body()
                let after = try anchor.run(events: anchorEvents, batch: 1).appendRate
                add(
                    work, figure.events, figure.rate, "raw LMDB C, 1/commit (just before+after)", (before + after) / 2,
                    ratio: target,
                    note: "\(figure.appends) appends in \(figure.commits) commits; anchor "
                        + "\(formatRate(before)) before, \(formatRate(after)) after")
            }
            let perProcess = max(single / 4, 10)
            step("4 concurrent appender processes × \(perProcess) single commits, direct path")
            try bracketed("4 appender processes, direct path (import --batch-size 1)", target: nil) {
                let rate = try bench.concurrentAppendRate(ledgerPath: ledger.path, perProcess: perProcess)
                return ConcurrentAppendBenchmark.Figure(
                    rate: rate, appends: 4 * perProcess, commits: 4 * perProcess, events: 4 * perProcess)
            }
            let concurrent = ConcurrentAppendBenchmark(bench: bench)
            // Four times as many appends as the direct path: at group-commit rates 750 appends take
            // ~50 ms, no longer than starting the four client processes.
            let grouped = 4 * perProcess
            for inFlight in [1, 32] {
                step("4 appender processes × \(grouped) appends through ledger serve, \(inFlight) in flight each")
                try bracketed(
                    "4 appender processes through ledger serve (group commit), \(inFlight) in flight each", target: 5
                ) {
                    try concurrent.throughServer(
                        ledgerPath: ledger.path, processes: 4, perProcess: grouped, inFlight: inFlight)
                }
            }
            for threadCount in [8, 32] {
                let perThread = 4 * grouped / threadCount
                step("\(threadCount) threads × \(perThread) appends through one GroupCommitQueue")
                try bracketed("\(threadCount) threads on one Ledger (in-process group commit)", target: 5) {
                    try concurrent.inProcess(ledger, threads: threadCount, perThread: perThread)
                }
            }
        }
        if jobs.contains("http") {
            let perClient = max(single / 16, 20)
            step(
                "HTTP: 64 clients × \(perClient) single appends through ledger serve --http, queries meanwhile, one feed follower"
            )
            let before = try anchor.run(events: min(single, 1_000), batch: 1).appendRate
            let figures = try HTTPBenchmark(bench: bench).run(ledgerPath: ledger.path, perClient: perClient)
            let after = try anchor.run(events: min(single, 1_000), batch: 1).appendRate
            let anchorRate = (before + after) / 2
            add(
                "64 HTTP clients, single-event POST /v1/events (group commit)", figures.appends, figures.appendRate,
                "raw LMDB C, 1/commit (just before+after)", anchorRate, ratio: 10,
                note: String(
                    format: "append latency p50 %.1f ms, p99 %.1f ms; anchor %@ before, %@ after; %@",
                    figures.appendP50Ms, figures.appendP99Ms, formatRate(before), formatRate(after),
                    HTTPBenchmark.cpuBudget(figures, anchorRate: anchorRate)))
            report.latencies.append(
                Latency(
                    work: "HTTP append latency, 64 clients", p50: figures.appendP50Ms, p99: figures.appendP99Ms,
                    unit: "ms",
                    target: "p99 < 50 ms", met: figures.appendP99Ms < 50))
            report.latencies.append(
                Latency(
                    work: "HTTP tier query under the 64-client write load (\(figures.queries) queries)",
                    p50: figures.queryP50Ms,
                    p99: figures.queryP99Ms, unit: "ms", target: "p99 < 10 ms", met: figures.queryP99Ms < 10))
            add(
                "SSE feed to one follower, whole log from sequence 1", figures.feedEvents, figures.feedRate,
                "raw LMDB C cursor scan", raw10k.scanRate, rate: 200_000)
        }
        if jobs.contains("replication") {
            step("replication: ledger mirror of the whole ledger through ledger serve --http; 3 witnesses cosigning")
            let replication = ReplicationBenchmark(bench: bench)
            var copied = 0
            var rates: [Double] = []
            for _ in 0..<repeats {
                let copy = try replication.mirrorCatchUp(ledgerPath: ledger.path)
                (copied, rates) = (copy.events, rates + [copy.rate])
            }
            add(
                "mirror catch-up (record stream → verify, chain, Merkle root, read models, checkpoint)", copied,
                median(rates), "raw LMDB C cursor scan", raw10k.scanRate, rate: 200_000, note: spread(rates))
            let cosign = try replication.witnessCosign(rounds: 50)
            report.latencies.append(
                Latency(
                    work: "3 witnesses cosign a new checkpoint (loopback, concurrent)", p50: cosign.p50,
                    p99: cosign.p99,
                    unit: "ms",
                    target: String(format: "anchor: bare HTTP round trip to the 3, p50 %.2f ms", cosign.anchorP50),
                    met: true))
        }
        if let python, jobs.contains("python"), let py = python.run(events: min(single, 3_000), mode: "single") {
            let ours = try AppendBenchmark(scratch: scratch).run(events: min(single, 3_000), batch: 1)
            add(
                "single durable append vs Python eventsourcing", min(single, 3_000), ours,
                "py eventsourcing+SQLite single", py.appendRate, ratio: 1)
        }
        report.peakMemoryMiB = peakResidentMiB()
        report.peakAnonymousMiB = memory.stop()
    }

    /// Every run's rate, for a row that reports the median of several (none for one run).
    private func spread(_ rates: [Double]) -> String {
        guard rates.count > 1 else { return "" }
        return "median of \(rates.count) runs: " + rates.map(formatRate).joined(separator: ", ")
    }

    private mutating func add(
        _ work: String, _ count: Int, _ rate: Double, _ anchor: String, _ anchorRate: Double,
        ratio: Double? = nil, rate target: Double? = nil, note: String = ""
    ) {
        report.measurements.append(
            Measurement(
                work: work, events: count, seconds: Double(count) / max(rate, 1e-9), rate: rate, anchor: anchor,
                anchorRate: anchorRate, targetRatio: ratio, targetRate: target, note: note))
    }
}

/// Peak resident memory of this process, in MiB.
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
