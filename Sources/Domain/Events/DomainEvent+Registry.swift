/// Looking up payload types by name or code, and decoding stored payloads.
///
/// Names go through a dictionary and codes through an array index, so dispatch costs
/// the same for the 1st type as for the 36th.
extension DomainEvent {
    /// Every type name of the catalogue, in type-code order.
    public static let allTypeNames: [String] = payloadTypes.map { $0.typeName }

    static let typeCodesByName: [String: UInt16] = {
        var table: [String: UInt16] = [:]
        for type in payloadTypes { table[type.typeName] = type.typeCode }
        return table
    }()

    /// The storage type code for a catalogue name, or `nil` for an unknown name.
    public static func typeCode(named name: String) -> UInt16? {
        typeCodesByName[name]
    }

    /// The payload type for a catalogue name, or `nil` for an unknown name.
    public static func payloadType(named name: String) -> (any EventPayload.Type)? {
        typeCodesByName[name].flatMap(payloadType(code:))
    }

    /// The payload type for a storage type code, or `nil` for an unknown code.
    public static func payloadType(code: UInt16) -> (any EventPayload.Type)? {
        let index = Int(code) - 1
        guard payloadTypes.indices.contains(index) else { return nil }
        return payloadTypes[index]
    }

    public var typeName: String { payloadType.typeName }
    public var typeCode: UInt16 { payloadType.typeCode }
    /// The schema version the payload is encoded at today.
    public var schemaVersion: UInt16 { payloadType.schemaVersion }

    /// The binary payload at the current schema version.
    public func encodePayload() -> [UInt8] {
        var writer = BinaryWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a stored payload, upcasting older schema versions.
    public static func decode(
        typeName: String, schemaVersion: UInt16, payload: UnsafeRawBufferPointer
    ) throws(PayloadDecodingError) -> DomainEvent {
        guard let code = typeCodesByName[typeName],
            let event = try fromPayload(typeCode: code, schemaVersion: schemaVersion, payload)
        else {
            throw PayloadDecodingError(
                code: .unknownType, offset: 0, expected: "a known event type, got \"\(typeName)\"")
        }
        return event
    }

    /// Decodes a stored payload identified by its type code.
    public static func decode(
        typeCode: UInt16, schemaVersion: UInt16, payload: UnsafeRawBufferPointer
    ) throws(PayloadDecodingError) -> DomainEvent {
        guard let event = try fromPayload(typeCode: typeCode, schemaVersion: schemaVersion, payload) else {
            throw PayloadDecodingError(
                code: .unknownType, offset: 0, expected: "a known event type code, got \(typeCode)")
        }
        return event
    }

    /// Convenience over `[UInt8]` for tests and tools.
    public static func decode(typeName: String, schemaVersion: UInt16, payload: [UInt8]) throws(PayloadDecodingError)
        -> DomainEvent
    {
        let result = payload.withUnsafeBytes { bytes in
            Result { () throws(PayloadDecodingError) -> DomainEvent in
                try decode(typeName: typeName, schemaVersion: schemaVersion, payload: bytes)
            }
        }
        return try result.get()
    }

    /// Reads an import line's `data` object as the event type with `typeCode`.
    public init(typeCode: UInt16, json: JSONObject) throws(FieldError) {
        guard let event = try DomainEvent.fromJSON(typeCode: typeCode, json) else {
            throw FieldError(
                code: .unknownType, field: "type", expected: "an event type code of the catalogue", got: "\(typeCode)")
        }
        self = event
    }

    /// Reads an import line's `data` object as the event type named by `typeName`.
    public init(typeName: String, json: JSONObject) throws(FieldError) {
        guard let code = DomainEvent.typeCodesByName[typeName],
            let event = try DomainEvent.fromJSON(typeCode: code, json)
        else {
            throw FieldError(
                code: .unknownType, field: "type", expected: "an event type of the catalogue",
                got: "\"\(typeName)\"")
        }
        self = event
    }

    /// The `data` object of this event.
    public func jsonObject() -> JSONObject { payload.jsonObject() }
}

extension DomainEvent {
    /// Reads an import line's `data` object as written at `schemaVersion` of its type (lines
    /// exported from a ledger keep the version each event was recorded at).
    public init(typeCode: UInt16, json: JSONObject, schemaVersion: UInt16) throws(FieldError) {
        guard let type = DomainEvent.payloadType(code: typeCode) else {
            throw FieldError(
                code: .unknownType, field: "type", expected: "an event type code of the catalogue", got: "\(typeCode)")
        }
        self = try type.decode(json: json, schemaVersion: schemaVersion).event
    }

    /// The binary payload at `schemaVersion`, or `nil` when this event cannot be written at it.
    public func encodePayload(schemaVersion: UInt16) -> [UInt8]? {
        payload.encodePayload(schemaVersion: schemaVersion)
    }
}
