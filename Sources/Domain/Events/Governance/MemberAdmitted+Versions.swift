/// Schema history of `MemberAdmitted`.
///
/// - Version 1: `memberId`, `name`, `kind`, `schoolLevel?`, `industry?`.
/// - Version 2: appends `creditCode?` (统一社会信用代码), required for enterprises and schools.
///
/// Records written at version 1 stay in the ledger untouched forever; they are upcast here on
/// every read, with no credit code, and a restore writes them back at version 1 byte for byte.
extension MemberAdmitted {
    public static func upcast(from version: UInt16, reader: inout BinaryReader) throws(PayloadDecodingError)
        -> MemberAdmitted
    {
        switch version {
        case 1:
            let memberId: String = try reader.read()
            let name: String = try reader.read()
            let kind: MemberKind = try reader.read()
            let schoolLevel: SchoolLevel? = try reader.read()
            let industry: String? = try reader.read()
            return MemberAdmitted(
                memberId: memberId, name: name, kind: kind, schoolLevel: schoolLevel, industry: industry,
                creditCode: nil)
        default:
            throw reader.failure(.unsupportedSchemaVersion, "MemberAdmitted schema version 1 or 2, got \(version)")
        }
    }

    public static func decode(json: JSONObject, schemaVersion: UInt16) throws(FieldError) -> MemberAdmitted {
        try MemberAdmitted(json: json, schemaVersion: schemaVersion)
    }

    public func encodePayload(schemaVersion version: UInt16) -> [UInt8]? {
        switch version {
        case Self.schemaVersion: return encodePayload()
        case 1 where creditCode == nil:
            var writer = BinaryWriter()
            encodeVersionOne(into: &writer)
            return writer.bytes
        default: return nil
        }
    }
}
