// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A member registers an Ed25519 public key (base64) with which it signs submissions.
public struct MemberKeyRegistered: EventPayload {
    public static let typeName = "MemberKeyRegistered"
    public static let typeCode: UInt16 = 35
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("memberId", .identifier),
        FieldSpec("publicKey", .string(.base64Key)),
    ]

    public var memberId: String
    public var publicKey: String

    public init(memberId: String, publicKey: String) {
        self.memberId = memberId
        self.publicKey = publicKey
    }

    public var streamId: String { "member-" + memberId }
    public var event: DomainEvent { .memberKeyRegistered(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        memberId = try reader.required("memberId")
        publicKey = try reader.required("publicKey")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("memberId", memberId.jsonValue)
        object.append("publicKey", publicKey.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(memberId)
        writer.write(publicKey)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        memberId = try reader.read()
        publicKey = try reader.read()
    }
}

/// A member's key is revoked; signatures after this are not accepted. `keyId` is the key's identifier as the audit derives it.
public struct MemberKeyRevoked: EventPayload {
    public static let typeName = "MemberKeyRevoked"
    public static let typeCode: UInt16 = 36
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("memberId", .identifier),
        FieldSpec("keyId", .text),
    ]

    public var memberId: String
    public var keyId: String

    public init(memberId: String, keyId: String) {
        self.memberId = memberId
        self.keyId = keyId
    }

    public var streamId: String { "member-" + memberId }
    public var event: DomainEvent { .memberKeyRevoked(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        memberId = try reader.required("memberId")
        keyId = try reader.required("keyId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("memberId", memberId.jsonValue)
        object.append("keyId", keyId.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(memberId)
        writer.write(keyId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        memberId = try reader.read()
        keyId = try reader.read()
    }
}
