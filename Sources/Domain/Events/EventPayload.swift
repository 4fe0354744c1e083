/// The `data` of one event type of the catalogue, as a typed value.
///
/// Every payload type reads and writes three forms: the JSON `data` object (import and
/// export), the compact binary form (storage and replay), and its metadata (`fields`),
/// which drives validation, CSV coercion and the schema files.
public protocol EventPayload: BinaryCodable, Equatable {
    /// The catalogue name, e.g. `AgreementSigned`; the `type` of an import line.
    static var typeName: String { get }
    /// A compact, stable number for storage. Codes are dense from 1 and never reused.
    static var typeCode: UInt16 { get }
    /// The version of the binary layout written today; older versions are upcast on read.
    static var schemaVersion: UInt16 { get }
    /// The `data` fields in their canonical order.
    static var fields: [FieldSpec] { get }

    /// The stream this event belongs to, derived from the type's primary id
    /// (`agreement-A1`, `person-p7` …); expected-version checks apply per stream.
    var streamId: String { get }
    /// This payload wrapped in its `DomainEvent` case.
    var event: DomainEvent { get }

    /// Reads the `data` object; unknown fields, missing required fields and wrong values
    /// throw naming the field.
    init(json: JSONObject) throws(FieldError)
    /// The `data` object; optional fields that are absent are left out.
    func jsonObject() -> JSONObject

    /// Decodes a payload written under an older `schemaVersion`.
    static func upcast(from version: UInt16, reader: inout BinaryReader) throws(PayloadDecodingError) -> Self

    /// Reads a `data` object as it was written at `schemaVersion` (a line exported from an older
    /// ledger keeps the version it was recorded at).
    static func decode(json: JSONObject, schemaVersion: UInt16) throws(FieldError) -> Self

    /// The binary payload as `schemaVersion` laid it out, or `nil` when this value cannot be
    /// written at that version (a field it did not have is set, or the version is unknown).
    /// Restores reproduce old records byte for byte with it.
    func encodePayload(schemaVersion: UInt16) -> [UInt8]?
}

extension EventPayload {
    /// Types that never changed shape have nothing to upcast.
    public static func upcast(from version: UInt16, reader: inout BinaryReader) throws(PayloadDecodingError) -> Self {
        throw reader.failure(.unsupportedSchemaVersion, "\(typeName) schema version \(schemaVersion), got \(version)")
    }

    /// Types that never changed shape read every version's JSON the same way.
    public static func decode(json: JSONObject, schemaVersion: UInt16) throws(FieldError) -> Self {
        try Self(json: json)
    }

    /// Types that never changed shape have only the current layout.
    public func encodePayload(schemaVersion: UInt16) -> [UInt8]? {
        schemaVersion == Self.schemaVersion ? encodePayload() : nil
    }

    /// The binary payload at the current schema version.
    public func encodePayload() -> [UInt8] {
        var writer = BinaryWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a whole payload written at `version`, upcasting if it is older.
    /// Leftover bytes are an error: they mean the record is not what it claims to be.
    public static func decode(schemaVersion version: UInt16, payload: UnsafeRawBufferPointer)
        throws(PayloadDecodingError) -> Self
    {
        var reader = BinaryReader(payload)
        let value: Self
        if version == schemaVersion {
            value = try Self(from: &reader)
        } else if version >= 1 && version < schemaVersion {
            value = try upcast(from: version, reader: &reader)
        } else {
            throw reader.failure(
                .unsupportedSchemaVersion, "\(typeName) schema version 1…\(schemaVersion), got \(version)")
        }
        try reader.expectEnd()
        return value
    }
}
