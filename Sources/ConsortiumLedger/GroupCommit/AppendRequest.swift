import Audit
import Domain
import EventStore

/// One caller's batch for the group commit: its log events and their parsed domain events.
///
/// The batch keeps every guarantee of `Ledger.append`: all or nothing, its own expected
/// versions, idempotency by id, rules and member signatures.
public struct AppendRequest: Sendable {
    let events: [NewEvent]
    let domainEvents: [DomainEvent]

    /// A batch of import lines, as `Ledger.append(_:signer:)` takes them: lines without an id
    /// get a random one; with `signer`, each event is signed as its actor.
    public init(lines: [ImportLine], signer: MemberKeyPair? = nil) throws {
        // A random id only for lines without one: formatting a UUID costs more than the append's checks.
        events = try lines.map { try $0.newEvent(id: $0.id ?? randomUUID()).signed(by: signer) }
        domainEvents = lines.map(\.event)
    }

    /// A batch whose ids and signatures were fixed by the submitter (a client of `ledger serve`
    /// signs before sending, so the member key never leaves the client).
    public init(prepared: [PreparedLine]) {
        events = prepared.map { item in
            var event = item.line.newEvent(id: item.id)
            event.signature = item.signature
            event.signerKeyId = item.signerKeyId
            return event
        }
        domainEvents = prepared.map(\.line.event)
    }

    /// How many events the batch holds.
    public var count: Int { events.count }
}

/// An import line with the id and signature its submitter gave it.
public struct PreparedLine: Sendable {
    public let line: ImportLine
    public let id: String
    public let signature: [UInt8]?
    public let signerKeyId: String?

    public init(line: ImportLine, id: String, signature: [UInt8]? = nil, signerKeyId: String? = nil) {
        self.line = line
        self.id = id
        self.signature = signature
        self.signerKeyId = signerKeyId
    }

    /// `line` with its id (a random one when it has none), signed by `signer` when given.
    public static func preparing(_ line: ImportLine, signer: MemberKeyPair?) throws -> PreparedLine {
        let event = try line.newEvent(id: line.id ?? randomUUID()).signed(by: signer)
        return PreparedLine(line: line, id: event.id, signature: event.signature, signerKeyId: event.signerKeyId)
    }
}
