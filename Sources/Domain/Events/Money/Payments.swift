// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// Money is paid on a claim; `advance` marks a payment before the apprentice is assessed.
public struct SubsidyPaid: EventPayload {
    public static let typeName = "SubsidyPaid"
    public static let typeCode: UInt16 = 31
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("claimId", .identifier),
        FieldSpec("amountFen", .fen),
        FieldSpec("advance", .boolean, required: false),
    ]

    public var claimId: String
    public var amountFen: Int64
    public var advance: Bool?

    public init(claimId: String, amountFen: Int64, advance: Bool? = nil) {
        self.claimId = claimId
        self.amountFen = amountFen
        self.advance = advance
    }

    public var streamId: String { "claim-" + claimId }
    public var event: DomainEvent { .subsidyPaid(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        claimId = try reader.required("claimId")
        amountFen = try reader.required("amountFen")
        advance = try reader.optional("advance")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("claimId", claimId.jsonValue)
        object.append("amountFen", amountFen.jsonValue)
        if let advance { object.append("advance", advance.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(claimId)
        writer.write(amountFen)
        writer.write(advance)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        claimId = try reader.read()
        amountFen = try reader.read()
        advance = try reader.read()
    }
}

/// Money paid on a claim is recovered; reported as its own figure, never netted.
public struct SubsidyClawedBack: EventPayload {
    public static let typeName = "SubsidyClawedBack"
    public static let typeCode: UInt16 = 32
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("claimId", .identifier),
        FieldSpec("amountFen", .fen),
        FieldSpec("reason", .text),
    ]

    public var claimId: String
    public var amountFen: Int64
    public var reason: String

    public init(claimId: String, amountFen: Int64, reason: String) {
        self.claimId = claimId
        self.amountFen = amountFen
        self.reason = reason
    }

    public var streamId: String { "claim-" + claimId }
    public var event: DomainEvent { .subsidyClawedBack(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        claimId = try reader.required("claimId")
        amountFen = try reader.required("amountFen")
        reason = try reader.required("reason")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("claimId", claimId.jsonValue)
        object.append("amountFen", amountFen.jsonValue)
        object.append("reason", reason.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(claimId)
        writer.write(amountFen)
        writer.write(reason)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        claimId = try reader.read()
        amountFen = try reader.read()
        reason = try reader.read()
    }
}
