extension ImportLine {
    /// Reads one JSONL import line straight from its bytes into an `ImportLine`, with no
    /// `JSONValue` tree: the envelope is read key by key and `data` by its type's generated
    /// reader (see docs/DESIGN.md, Event catalogue).
    ///
    /// `nil` when the line is anything but plainly valid, or of a rare shape (`data` before
    /// `type`, escaped keys): the caller then parses it through the tree (`JSONValue.parse`,
    /// `parse(_:schemaVersion:)`), which accepts the same lines and names every problem with
    /// the usual words. A `recorded` block (lines written by the export or `ledger log`) gives
    /// the schema version the event was recorded at; the rest of it is the ledger's and ignored.
    public static func parseDirect(_ bytes: UnsafeRawBufferPointer) -> ImportLine? {
        var parser = JSONParser(bytes)
        return try? parser.directImportLine()
    }
}

extension JSONParser {
    /// Bits of the envelope keys seen, for duplicate and missing checks.
    private enum Envelope: Int {
        case id, type, occurredAt, actor, expectedVersion, causationId, correlationId, data, recorded
    }

    mutating func directImportLine() throws(DirectReadMiss) -> ImportLine {
        var seen: UInt64 = 0
        var first = true
        var typeCode: UInt16?
        var occurredAt: Timestamp?
        var actor: String?
        var id: String?
        var causationId: String?
        var correlationId: String?
        var expectedVersion: UInt64?
        var event: DomainEvent?
        var schemaVersion: UInt16?
        try directObjectStart()
        // The line's object is one level, as for the tree parser, so `recorded` nests as deep.
        depth = 1
        while let key = try directNextKey(first: &first) {
            if Self.key(key, is: "type") {
                try Self.mark(&seen, Envelope.type.rawValue)
                guard let code = DomainEvent.typeCode(named: try directString()) else { throw DirectReadMiss() }
                typeCode = code
            } else if Self.key(key, is: "data") {
                try Self.mark(&seen, Envelope.data.rawValue)
                guard let typeCode else { throw DirectReadMiss() }
                event = try DomainEvent.readDirect(typeCode: typeCode, &self)
            } else if Self.key(key, is: "occurredAt") {
                try Self.mark(&seen, Envelope.occurredAt.rawValue)
                guard let time = Timestamp(parsing: try directString()) else { throw DirectReadMiss() }
                occurredAt = time
            } else if Self.key(key, is: "actor") {
                try Self.mark(&seen, Envelope.actor.rawValue)
                actor = try directIdentifier()
            } else if Self.key(key, is: "id") {
                try Self.mark(&seen, Envelope.id.rawValue)
                id = directNull() ? nil : try directIdentifier()
            } else if Self.key(key, is: "expectedVersion") {
                try Self.mark(&seen, Envelope.expectedVersion.rawValue)
                if !directNull() {
                    let version = try directInteger()
                    guard version >= 0 else { throw DirectReadMiss() }
                    expectedVersion = UInt64(version)
                }
            } else if Self.key(key, is: "causationId") {
                try Self.mark(&seen, Envelope.causationId.rawValue)
                causationId = directNull() ? nil : try directIdentifier()
            } else if Self.key(key, is: "correlationId") {
                try Self.mark(&seen, Envelope.correlationId.rawValue)
                correlationId = directNull() ? nil : try directIdentifier()
            } else if Self.key(key, is: "recorded") {
                try Self.mark(&seen, Envelope.recorded.rawValue)
                schemaVersion = try directRecordedSchemaVersion()
            } else {
                throw DirectReadMiss()
            }
        }
        try directEnd()
        guard typeCode != nil, let occurredAt, let actor, let event else { throw DirectReadMiss() }
        // What depends on the version the event was recorded at (MemberAdmitted's credit code)
        // is checked once that version is known: `recorded` comes after `data` in exports.
        do { try event.checkRecorded(schemaVersion: schemaVersion ?? event.schemaVersion) } catch {
            throw DirectReadMiss()
        }
        if let schemaVersion, schemaVersion != event.schemaVersion,
            event.encodePayload(schemaVersion: schemaVersion) == nil
        {
            throw DirectReadMiss()
        }
        return ImportLine(
            id: id, occurredAt: occurredAt, actor: actor, expectedVersion: expectedVersion,
            causationId: causationId, correlationId: correlationId, event: event,
            schemaVersion: schemaVersion == event.schemaVersion ? nil : schemaVersion)
    }

    @inline(__always)
    mutating func directIdentifier() throws(DirectReadMiss) -> String {
        let text = try directString()
        guard StringFormat.identifier.accepts(text) else { throw DirectReadMiss() }
        return text
    }

    /// The `recorded` block's `schemaVersion`, as the importer reads it: absent or null means
    /// none; anything but an integer from 1 is an error the tree path reports.
    mutating func directRecordedSchemaVersion() throws(DirectReadMiss) -> UInt16? {
        let recorded: JSONValue
        do { recorded = try parseValue() } catch { throw DirectReadMiss() }
        guard let raw = recorded["schemaVersion"], !raw.isNull else { return nil }
        guard let version = raw.intValue.flatMap(UInt16.init(exactly:)), version >= 1 else { throw DirectReadMiss() }
        return version
    }
}
