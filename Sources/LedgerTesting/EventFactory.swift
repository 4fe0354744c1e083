import EventStore

/// Builds syntactically valid log events for storage-level tests (payload bytes are opaque here).
public enum EventFactory {
    public static func event(
        _ n: Int, stream: String = "stream-a", expectedVersion: UInt64? = nil, payloadSize: Int = 40,
        id: String? = nil
    ) -> NewEvent {
        NewEvent(
            id: id ?? "evt-\(n)", type: "TestRecorded", stream: stream,
            occurredAt: 1_700_000_000_000 + Int64(n), actor: "member-1",
            payload: (0..<payloadSize).map { UInt8(truncatingIfNeeded: $0 &+ n) },
            expectedVersion: expectedVersion)
    }

    public static func batch(_ range: Range<Int>, streams: Int = 3, prefix: String = "evt") -> [NewEvent] {
        range.map { event($0, stream: "stream-\($0 % streams)", id: "\(prefix)-\($0)") }
    }
}

/// The log implementations the shared contract suite runs against.
public enum LogKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case lmdb, memory
    public var description: String { rawValue }

    /// A fresh, empty log of this kind; `directory` keeps the LMDB files alive for the test.
    public func makeLog(in directory: TemporaryDirectory) throws -> any EventLog {
        switch self {
        case .lmdb: try EventStore.create(path: directory.file("ledger"))
        case .memory: InMemoryEventLog()
        }
    }
}
