import ConsortiumLedger
import Domain
import Foundation

/// Follows one ledger into PostgreSQL: its events into `consortium_events`, its three tier
/// read models into their tables, and its position into `sink_positions` — all three in one
/// PostgreSQL transaction per batch, so a sink killed at any point resumes exactly where its
/// last commit left it, with no row missing or doubled.
///
/// Every record must continue the chain the sink stored: the first record after the stored
/// position must carry the stored hash as its previous hash, and on start the upstream's
/// record at that position must still have that hash. A rewritten history stops the sink
/// (`SinkError.historyRewritten`) before anything is written.
public struct PostgresSink: Sendable {
    public let source: any SinkEventSource
    public let options: SinkOptions
    let migrations: Migrations

    public init(source: any SinkEventSource, options: SinkOptions) throws {
        self.source = source
        self.options = options
        migrations = try Migrations.bundled()
    }

    /// Runs until caught up (or forever with `follow`), reconnecting with backoff while the
    /// database (or feed) is unavailable.
    public func run() async throws -> SinkSummary {
        var counters = Counters()
        var failures = 0
        while true {
            let before = counters.transactions
            do {
                return try await session(&counters)
            } catch let error as SinkError where error.retryable {
                if counters.transactions > before { failures = 0 }
                failures += 1
                if let limit = options.maxAttempts, failures >= limit { throw error }
                counters.reconnects += 1
                let delay = min(options.maxBackoff, .milliseconds(500) * (1 << min(failures - 1, 16)))
                options.report("\(error.message); retrying in \(delay.formatted) (attempt \(failures))")
                try await Task.sleep(for: delay)
            }
        }
    }

    struct Counters {
        var written: UInt64 = 0
        var transactions = 0
        var reconnects = 0
    }

    /// One connection's worth of work: set up, prove the upstream, then write batches.
    private func session(_ counters: inout Counters) async throws -> SinkSummary {
        let database = try await SinkDatabase.connect(options.url, timeout: options.databaseTimeout)
        do {
            let summary = try await work(database, &counters)
            await database.close()
            return summary
        } catch {
            database.abandon()
            throw error
        }
    }

    private func work(_ database: SinkDatabase, _ counters: inout Counters) async throws -> SinkSummary {
        try await migrations.apply(to: database)
        try await TierSchemaCheck.verify(database)
        let ledgerId = try await source.ledgerId()
        var position = try await SinkPosition.load(ledgerId: ledgerId, source: source.label, in: database)
        var chain = ChainCheck(ledgerId: ledgerId, source: source.label)
        var fold = try await rebuild(to: position, chain: &chain, database: database)

        var tiers = TierWriter(ledgerId: ledgerId)
        var judgedOn: LocalDate?
        let escapedId = CopyText.escaped(ledgerId)
        while true {
            let records = try await source.records(
                after: position.sequence, limit: options.batchSize, includeData: true, follow: options.follow)
            let today = LocalDate.today
            if records.isEmpty && judgedOn == today {
                if !options.follow {
                    return SinkSummary(
                        ledgerId: ledgerId, lastSequence: position.sequence, eventsWritten: counters.written,
                        transactions: counters.transactions, reconnects: counters.reconnects)
                }
                try await Task.sleep(for: options.pollInterval)
                continue
            }
            var copy = CopyText(capacity: records.count * 512)
            for record in records {
                try chain.check(record)
                try fold.apply(record)
                copy.appendEvent(record, escapedLedgerId: escapedId)
            }
            let changes = tiers.changes(try fold.reports(judgedOn: today))
            let next = SinkPosition(sequence: chain.sequence, hash: chain.sequence == 0 ? nil : chain.hash)
            let expected = position
            try await database.transaction {
                let stored = try await SinkPosition.read(ledgerId: ledgerId, in: database, lock: true)
                guard stored == expected else {
                    throw SinkError(
                        .concurrentSink,
                        "ledger \(ledgerId): another sink moved its position to \(stored.sequence) while this one "
                            + "was at \(expected.sequence); run one sink per ledger")
                }
                if !records.isEmpty {
                    try await database.copy(into: "consortium_events", columns: CopyText.eventColumns, text: copy.bytes)
                }
                try await tiers.write(changes, to: database)
                try await next.store(ledgerId: ledgerId, in: database)
            }
            tiers.commit(changes)
            judgedOn = today
            position = next
            counters.written += UInt64(records.count)
            counters.transactions += 1
            if !records.isEmpty {
                options.report("ledger \(ledgerId): \(position.sequence) events in PostgreSQL")
            }
        }
    }

    /// Folds the records the database already holds (1…position) into fresh tier models,
    /// checking the chain on the way and that the upstream's record at the position still
    /// has the hash stored with it.
    private func rebuild(to position: SinkPosition, chain: inout ChainCheck, database: SinkDatabase) async throws
        -> TierFold
    {
        var fold = TierFold()
        while chain.sequence < position.sequence {
            let records = try await source.records(
                after: chain.sequence, limit: Int(min(50_000, position.sequence - chain.sequence)), includeData: false,
                follow: false)
            guard !records.isEmpty else {
                throw SinkError(
                    .historyRewritten,
                    "ledger \(chain.ledgerId): \(source.label) has only \(chain.sequence) events but PostgreSQL already "
                        + "holds \(position.sequence) of this ledger; refusing a history that lost events "
                        + "(nothing was written)")
            }
            for record in records.prefix(Int(position.sequence - chain.sequence)) {
                try chain.check(record)
                try fold.apply(record)
            }
        }
        if position.sequence > 0, chain.hash != position.hash {
            let first = try await firstDifference(through: position.sequence, ledgerId: chain.ledgerId, database)
            throw SinkError(
                .historyRewritten,
                "ledger \(chain.ledgerId): history rewritten upstream: \(source.label) first differs at sequence "
                    + "\(first.sequence): its hash there is \(hex(first.upstream)) but PostgreSQL stored "
                    + "\(hex(first.stored)); refusing to continue (nothing was written)")
        }
        return fold
    }

    /// The first sequence whose upstream hash differs from the row PostgreSQL holds.
    private func firstDifference(through last: UInt64, ledgerId: String, _ database: SinkDatabase) async throws
        -> (sequence: UInt64, upstream: [UInt8], stored: [UInt8])
    {
        var after: UInt64 = 0
        while after < last {
            let records = try await source.records(
                after: after, limit: Int(min(50_000, last - after)), includeData: false, follow: false)
            guard let lastRead = records.last?.sequence else { break }
            let stored = try await StoredHashes.read(
                ledgerId: ledgerId, from: after + 1, through: lastRead, in: database)
            for record in records where stored[record.sequence] != record.hash {
                return (record.sequence, record.hash, stored[record.sequence] ?? [])
            }
            after = lastRead
        }
        return (last, [], [])
    }
}

/// The chain as the sink has read it: each record must follow the last one in sequence and
/// name its hash as the previous hash; the first names the ledger's genesis hash.
struct ChainCheck {
    let ledgerId: String
    let source: String
    private(set) var sequence: UInt64 = 0
    private(set) var hash: [UInt8]

    init(ledgerId: String, source: String) {
        self.ledgerId = ledgerId
        self.source = source
        hash = Ledger.genesisHash(ofLedgerId: ledgerId)
    }

    mutating func check(_ record: SinkRecord) throws {
        guard record.sequence == sequence + 1 else {
            throw SinkError(
                .source,
                "ledger \(ledgerId): \(source) sent sequence \(record.sequence) after \(sequence); expected \(sequence + 1)"
            )
        }
        guard record.previousHash == hash else {
            throw SinkError(
                .historyRewritten,
                "ledger \(ledgerId): history rewritten upstream: record \(record.sequence) (\(record.id)) in \(source) "
                    + "has previous hash \(hex(record.previousHash)) but the sink stored \(hex(hash)) for sequence "
                    + "\(sequence); refusing to continue (nothing was written)")
        }
        sequence = record.sequence
        hash = record.hash
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

extension Duration {
    /// `0.5 s`, `30 s`.
    var formatted: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
    }
}
