import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LMDB
import LedgerTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one line to standard output with a single write(2): nothing is buffered, so the
/// parent sees an acknowledgement exactly when it is made.
func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(1, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }
}

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data(("ledger-torture: " + message + "\n").utf8))
    exit(status)
}

/// `child-append --ledger P --file F --batch-size N [--via append|import]`: records the file's
/// lines in batches and prints `ack N` after each commit (the first N lines are recorded),
/// then `done`. Re-running it resumes: recorded ids are skipped by the store.
func childAppend(_ options: Options) throws {
    let path = options.required("ledger")
    let file = options.required("file")
    let batchSize = options.int("batch-size", default: 50)
    let ledger = try Ledger(path: path)
    emit("start \(try ledger.eventCount())")
    if options.string("via") == "import" {
        var importOptions = ImportOptions(batchSize: batchSize)
        importOptions.progress = { phase, done in if phase == .writing { emit("ack \(done)") } }
        _ = try ledger.importFiles([ImportInput(path: file)], options: importOptions)
    } else {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var lines: [ImportLine] = []
        for (number, raw) in text.split(separator: "\n").enumerated() {
            do {
                lines.append(try ImportLine.parse(json: String(raw)))
            } catch {
                fail("\(file):\(number + 1): \(error.field): \(error.secretaryMessage)", status: 2)
            }
        }
        var done = 0
        while done < lines.count {
            let end = min(lines.count, done + batchSize)
            try ledger.append(Array(lines[done..<end]))
            done = end
            emit("ack \(done)")
        }
    }
    emit("done")
}

/// `child-raw-append --ledger P --prefix W --count N --batch-size B --map-size BYTES`: appends
/// opaque test events straight to the event store, opened with a tiny initial map, so that the
/// map must grow (also while other processes grow it).
func childRawAppend(_ options: Options) throws {
    var envOptions = Environment.Options()
    envOptions.initialMapSize = options.int("map-size", default: 64 << 20)
    let path = options.required("ledger")
    let store =
        options.flag("create")
        ? try EventStore.create(path: path, ledgerId: "map-growth", options: envOptions)
        : try EventStore(path: path, options: envOptions)
    let prefix = options.required("prefix")
    let count = options.int("count", default: 1_000)
    let batchSize = options.int("batch-size", default: 10)
    let payload = options.int("payload", default: 2_000)
    var done = 0
    while done < count {
        let end = min(count, done + batchSize)
        let batch = (done..<end).map { n in
            EventFactory.event(n, stream: "\(prefix)-stream-\(n % 3)", payloadSize: payload, id: "\(prefix)-\(n)")
        }
        try store.append(batch)
        done = end
        emit("ack \(done)")
    }
    emit("done map \(store.environment.mapSize)")
}

/// `watch --ledger P --prefixes a,b --batch-size B --totals 10,20 --until N --stop-file F`:
/// reads snapshot after snapshot while writers run; each must be gapless, with stream versions
/// 1…n, and with every writer's count on one of its batch boundaries (a batch is seen whole or
/// not at all). Stops when the log holds N events or the stop file exists; exit 1 on any violation.
func watch(_ options: Options) throws {
    let path = options.required("ledger")
    let prefixes = options.list("prefixes")
    let totals = options.list("totals").compactMap { Int($0) }
    let batchSize = options.int("batch-size", default: 1)
    let until = UInt64(options.int("until", default: Int.max))
    let stopFile = options.string("stop-file")
    let store = try EventStore(path: path)
    var snapshots = 0
    var largest: UInt64 = 0
    while true {
        let snapshot = try store.read { try LogInvariants.check($0, idPrefixes: prefixes) }
        snapshots += 1
        var violations = snapshot.violations
        for (index, prefix) in prefixes.enumerated() {
            let seen = snapshot.countsByPrefix[prefix] ?? 0
            let total = index < totals.count ? totals[index] : Int.max
            if seen % batchSize != 0 && seen != total {
                violations.append("writer \(prefix): \(seen) events visible, not a batch boundary (batch \(batchSize))")
            }
        }
        if snapshot.head < largest { violations.append("snapshot went backwards: \(snapshot.head) after \(largest)") }
        largest = max(largest, snapshot.head)
        if !violations.isEmpty {
            fail("snapshot \(snapshots) at head \(snapshot.head): " + violations.joined(separator: "; "))
        }
        if snapshot.head >= until { break }
        if let stopFile, FileManager.default.fileExists(atPath: stopFile) { break }
    }
    emit("snapshots \(snapshots) head \(largest)")
}

/// `hold-read --ledger P`: opens a read transaction, says `reading`, and waits inside it forever
/// (until killed), leaving its reader slot in the lock file.
func holdRead(_ options: Options) throws {
    let store = try EventStore(path: options.required("ledger"))
    try store.read { reader in
        emit("reading \(try reader.count())")
        if options.flag("exit") { return }
        while true { pause() }
    }
    emit("released")
}

/// `exec [--fsize BYTES] [--umask MODE] -- PROGRAM ARGS…`: runs PROGRAM with a file-size limit
/// (SIGXFSZ ignored, so writes past it fail with EFBIG instead of killing it) and/or a umask.
func execLimited(_ options: Options) -> Never {
    if let limit = options.string("fsize").flatMap({ UInt64($0) }) {
        var rl = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
        if setrlimit(Int32(RLIMIT_FSIZE.rawValue), &rl) != 0 { fail("setrlimit: \(String(cString: strerror(errno)))") }
        signal(SIGXFSZ, SIG_IGN)
    }
    if let mode = options.string("umask").flatMap({ mode_t($0, radix: 8) }) { umask(mode) }
    let command = options.rest
    guard let program = command.first else { fail("exec: give a program after --", status: 2) }
    var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) }
    argv.append(nil)
    execv(program, argv)
    fail("exec \(program): \(String(cString: strerror(errno)))", status: 127)
}
