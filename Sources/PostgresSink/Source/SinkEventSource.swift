import ConsortiumLedger

/// Where the sink reads a ledger's events: the ledger directory itself, or a ledger server's
/// HTTP feed. Both hand out the same `SinkRecord`s, so the sink cannot tell them apart.
public protocol SinkEventSource: Sendable {
    /// What to call the source in messages and in `sink_positions.source`.
    var label: String { get }
    /// The ledger's id (the key of its rows in PostgreSQL).
    func ledgerId() async throws -> String
    /// Up to `limit` records after `sequence`, in order; an empty array when there are none
    /// yet. `follow` sources may wait a little for new events before answering empty.
    func records(after sequence: UInt64, limit: Int, includeData: Bool, follow: Bool) async throws -> [SinkRecord]
}

/// A ledger directory on this machine, read through the `Ledger` facade on read snapshots
/// (a running import or `ledger serve` is not disturbed).
public struct LocalLedgerSource: SinkEventSource {
    let ledger: Ledger

    public init(path: String) throws {
        do {
            ledger = try Ledger(path: path)
        } catch {
            throw SinkError(.source, "cannot open the ledger at \(path): \(error)")
        }
    }

    public var label: String { "ledger \(ledger.path)" }

    public func ledgerId() async throws -> String {
        try read { try ledger.sinkChunk(after: 0, limit: 0).ledgerId }
    }

    public func records(after sequence: UInt64, limit: Int, includeData: Bool, follow: Bool) async throws
        -> [SinkRecord]
    {
        try read { try ledger.sinkChunk(after: sequence, limit: limit, includeData: includeData).records }
    }

    private func read<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch {
            throw SinkError(.source, "reading the ledger at \(ledger.path): \(error)")
        }
    }
}
