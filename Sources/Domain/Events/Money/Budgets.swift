// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A subsidy budget is allocated to a programme for a year.
public struct BudgetAllocated: EventPayload {
    public static let typeName = "BudgetAllocated"
    public static let typeCode: UInt16 = 28
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("budgetId", .identifier),
        FieldSpec("programme", .enumeration(SubsidyProgramme.self)),
        FieldSpec("year", .year),
        FieldSpec("amountFen", .fen),
        FieldSpec("source", .text),
    ]

    public var budgetId: String
    public var programme: SubsidyProgramme
    public var year: Int
    public var amountFen: Int64
    public var source: String

    public init(budgetId: String, programme: SubsidyProgramme, year: Int, amountFen: Int64, source: String) {
        self.budgetId = budgetId
        self.programme = programme
        self.year = year
        self.amountFen = amountFen
        self.source = source
    }

    public var streamId: String { "budget-" + budgetId }
    public var event: DomainEvent { .budgetAllocated(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        budgetId = try reader.required("budgetId")
        programme = try reader.required("programme")
        year = try reader.required("year")
        amountFen = try reader.required("amountFen")
        source = try reader.required("source")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 5)
        object.append("budgetId", budgetId.jsonValue)
        object.append("programme", programme.jsonValue)
        object.append("year", year.jsonValue)
        object.append("amountFen", amountFen.jsonValue)
        object.append("source", source.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(budgetId)
        writer.write(programme)
        writer.write(year)
        writer.write(amountFen)
        writer.write(source)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        budgetId = try reader.read()
        programme = try reader.read()
        year = try reader.read()
        amountFen = try reader.read()
        source = try reader.read()
    }
}

/// A member applies for a subsidy against a budget, for a person and period where the programme needs one.
public struct SubsidyApplied: EventPayload {
    public static let typeName = "SubsidyApplied"
    public static let typeCode: UInt16 = 29
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("claimId", .identifier),
        FieldSpec("budgetId", .identifier),
        FieldSpec("programme", .enumeration(SubsidyProgramme.self)),
        FieldSpec("applicantId", .identifier),
        FieldSpec("personId", .identifier, required: false),
        FieldSpec("period", .text),
        FieldSpec("amountFen", .fen),
    ]

    public var claimId: String
    public var budgetId: String
    public var programme: SubsidyProgramme
    public var applicantId: String
    public var personId: String?
    public var period: String
    public var amountFen: Int64

    public init(
        claimId: String, budgetId: String, programme: SubsidyProgramme, applicantId: String, personId: String? = nil,
        period: String, amountFen: Int64
    ) {
        self.claimId = claimId
        self.budgetId = budgetId
        self.programme = programme
        self.applicantId = applicantId
        self.personId = personId
        self.period = period
        self.amountFen = amountFen
    }

    public var streamId: String { "claim-" + claimId }
    public var event: DomainEvent { .subsidyApplied(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        claimId = try reader.required("claimId")
        budgetId = try reader.required("budgetId")
        programme = try reader.required("programme")
        applicantId = try reader.required("applicantId")
        personId = try reader.optional("personId")
        period = try reader.required("period")
        amountFen = try reader.required("amountFen")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 7)
        object.append("claimId", claimId.jsonValue)
        object.append("budgetId", budgetId.jsonValue)
        object.append("programme", programme.jsonValue)
        object.append("applicantId", applicantId.jsonValue)
        if let personId { object.append("personId", personId.jsonValue) }
        object.append("period", period.jsonValue)
        object.append("amountFen", amountFen.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(claimId)
        writer.write(budgetId)
        writer.write(programme)
        writer.write(applicantId)
        writer.write(personId)
        writer.write(period)
        writer.write(amountFen)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        claimId = try reader.read()
        budgetId = try reader.read()
        programme = try reader.read()
        applicantId = try reader.read()
        personId = try reader.read()
        period = try reader.read()
        amountFen = try reader.read()
    }
}

/// A claim is approved for an amount, by someone other than the applicant.
public struct SubsidyApproved: EventPayload {
    public static let typeName = "SubsidyApproved"
    public static let typeCode: UInt16 = 30
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("claimId", .identifier),
        FieldSpec("approverId", .identifier),
        FieldSpec("amountFen", .fen),
    ]

    public var claimId: String
    public var approverId: String
    public var amountFen: Int64

    public init(claimId: String, approverId: String, amountFen: Int64) {
        self.claimId = claimId
        self.approverId = approverId
        self.amountFen = amountFen
    }

    public var streamId: String { "claim-" + claimId }
    public var event: DomainEvent { .subsidyApproved(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        claimId = try reader.required("claimId")
        approverId = try reader.required("approverId")
        amountFen = try reader.required("amountFen")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("claimId", claimId.jsonValue)
        object.append("approverId", approverId.jsonValue)
        object.append("amountFen", amountFen.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(claimId)
        writer.write(approverId)
        writer.write(amountFen)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        claimId = try reader.read()
        approverId = try reader.read()
        amountFen = try reader.read()
    }
}
