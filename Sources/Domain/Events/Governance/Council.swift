// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// The ledger's first event: the city consortium is chartered. Its lead member acts as the secretariat from then on.
public struct ConsortiumChartered: EventPayload {
    public static let typeName = "ConsortiumChartered"
    public static let typeCode: UInt16 = 1
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("consortiumId", .identifier),
        FieldSpec("name", .text),
        FieldSpec("region", .text),
        FieldSpec("leadMemberId", .identifier),
    ]

    public var consortiumId: String
    public var name: String
    public var region: String
    public var leadMemberId: String

    public init(consortiumId: String, name: String, region: String, leadMemberId: String) {
        self.consortiumId = consortiumId
        self.name = name
        self.region = region
        self.leadMemberId = leadMemberId
    }

    public var streamId: String { "consortium-" + consortiumId }
    public var event: DomainEvent { .consortiumChartered(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        consortiumId = try reader.required("consortiumId")
        name = try reader.required("name")
        region = try reader.required("region")
        leadMemberId = try reader.required("leadMemberId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 4)
        object.append("consortiumId", consortiumId.jsonValue)
        object.append("name", name.jsonValue)
        object.append("region", region.jsonValue)
        object.append("leadMemberId", leadMemberId.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(consortiumId)
        writer.write(name)
        writer.write(region)
        writer.write(leadMemberId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        consortiumId = try reader.read()
        name = try reader.read()
        region = try reader.read()
        leadMemberId = try reader.read()
    }
}

/// The council passes a resolution (recorded for the minutes; no figures depend on it).
public struct CouncilResolutionPassed: EventPayload {
    public static let typeName = "CouncilResolutionPassed"
    public static let typeCode: UInt16 = 5
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("resolutionId", .identifier),
        FieldSpec("title", .text),
    ]

    public var resolutionId: String
    public var title: String

    public init(resolutionId: String, title: String) {
        self.resolutionId = resolutionId
        self.title = title
    }

    public var streamId: String { "resolution-" + resolutionId }
    public var event: DomainEvent { .councilResolutionPassed(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        resolutionId = try reader.required("resolutionId")
        title = try reader.required("title")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("resolutionId", resolutionId.jsonValue)
        object.append("title", title.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(resolutionId)
        writer.write(title)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        resolutionId = try reader.read()
        title = try reader.read()
    }
}

/// The council sets a yearly target for one of its figures, optionally for one member.
public struct KPITargetSet: EventPayload {
    public static let typeName = "KPITargetSet"
    public static let typeCode: UInt16 = 6
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("year", .year),
        FieldSpec("metric", .enumeration(KPIMetric.self)),
        FieldSpec("target", .integer(minimum: 0, maximum: nil)),
        FieldSpec("memberId", .identifier, required: false),
    ]

    public var year: Int
    public var metric: KPIMetric
    public var target: Int64
    public var memberId: String?

    public init(year: Int, metric: KPIMetric, target: Int64, memberId: String? = nil) {
        self.year = year
        self.metric = metric
        self.target = target
        self.memberId = memberId
    }

    public var streamId: String { "kpi-\(year)-\(metric.rawValue)" }
    public var event: DomainEvent { .kpiTargetSet(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        year = try reader.required("year")
        metric = try reader.required("metric")
        target = try reader.required("target")
        memberId = try reader.optional("memberId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 4)
        object.append("year", year.jsonValue)
        object.append("metric", metric.jsonValue)
        object.append("target", target.jsonValue)
        if let memberId { object.append("memberId", memberId.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(year)
        writer.write(metric)
        writer.write(target)
        writer.write(memberId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        year = try reader.read()
        metric = try reader.read()
        target = try reader.read()
        memberId = try reader.read()
    }
}
