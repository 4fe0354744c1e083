// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A project starts with a budget and planned milestones, optionally on a platform.
public struct ProjectCreated: EventPayload {
    public static let typeName = "ProjectCreated"
    public static let typeCode: UInt16 = 25
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("projectId", .identifier),
        FieldSpec("title", .text),
        FieldSpec("platformId", .identifier, required: false),
        FieldSpec("leadMemberId", .identifier),
        FieldSpec("budgetFen", .fen),
        FieldSpec("startsOn", .date),
        FieldSpec("endsOn", .date),
        FieldSpec("milestones", .array(.object(Milestone.fields))),
    ]

    public var projectId: String
    public var title: String
    public var platformId: String?
    public var leadMemberId: String
    public var budgetFen: Int64
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var milestones: [Milestone]

    public init(
        projectId: String, title: String, platformId: String? = nil, leadMemberId: String, budgetFen: Int64,
        startsOn: LocalDate, endsOn: LocalDate, milestones: [Milestone]
    ) {
        self.projectId = projectId
        self.title = title
        self.platformId = platformId
        self.leadMemberId = leadMemberId
        self.budgetFen = budgetFen
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.milestones = milestones
    }

    public var streamId: String { "project-" + projectId }
    public var event: DomainEvent { .projectCreated(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        projectId = try reader.required("projectId")
        title = try reader.required("title")
        platformId = try reader.optional("platformId")
        leadMemberId = try reader.required("leadMemberId")
        budgetFen = try reader.required("budgetFen")
        startsOn = try reader.required("startsOn")
        endsOn = try reader.required("endsOn")
        milestones = try reader.required("milestones")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 8)
        object.append("projectId", projectId.jsonValue)
        object.append("title", title.jsonValue)
        if let platformId { object.append("platformId", platformId.jsonValue) }
        object.append("leadMemberId", leadMemberId.jsonValue)
        object.append("budgetFen", budgetFen.jsonValue)
        object.append("startsOn", startsOn.jsonValue)
        object.append("endsOn", endsOn.jsonValue)
        object.append("milestones", milestones.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(projectId)
        writer.write(title)
        writer.write(platformId)
        writer.write(leadMemberId)
        writer.write(budgetFen)
        writer.write(startsOn)
        writer.write(endsOn)
        writer.write(milestones)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        projectId = try reader.read()
        title = try reader.read()
        platformId = try reader.read()
        leadMemberId = try reader.read()
        budgetFen = try reader.read()
        startsOn = try reader.read()
        endsOn = try reader.read()
        milestones = try reader.read()
    }
}

extension ProjectCreated {
    /// A planned milestone; reported later by `MilestoneReported` with the same id.
    public struct Milestone: JSONObjectCodable, BinaryCodable {
        public static let fields: [FieldSpec] = [
            FieldSpec("milestoneId", .identifier),
            FieldSpec("title", .text),
            FieldSpec("dueOn", .date),
        ]

        public var milestoneId: String
        public var title: String
        public var dueOn: LocalDate

        public init(milestoneId: String, title: String, dueOn: LocalDate) {
            self.milestoneId = milestoneId
            self.title = title
            self.dueOn = dueOn
        }

        public init(json object: JSONObject, path: String) throws(FieldError) {
            let reader = try FieldReader(object, fields: Self.fields, path: path)
            milestoneId = try reader.required("milestoneId")
            title = try reader.required("title")
            dueOn = try reader.required("dueOn")
        }

        public func jsonObject() -> JSONObject {
            var object = JSONObject(minimumCapacity: 3)
            object.append("milestoneId", milestoneId.jsonValue)
            object.append("title", title.jsonValue)
            object.append("dueOn", dueOn.jsonValue)
            return object
        }

        public func encode(into writer: inout BinaryWriter) {
            writer.write(milestoneId)
            writer.write(title)
            writer.write(dueOn)
        }

        public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
            milestoneId = try reader.read()
            title = try reader.read()
            dueOn = try reader.read()
        }
    }
}

/// A planned milestone is reached.
public struct MilestoneReported: EventPayload {
    public static let typeName = "MilestoneReported"
    public static let typeCode: UInt16 = 26
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("projectId", .identifier),
        FieldSpec("milestoneId", .identifier),
    ]

    public var projectId: String
    public var milestoneId: String

    public init(projectId: String, milestoneId: String) {
        self.projectId = projectId
        self.milestoneId = milestoneId
    }

    public var streamId: String { "project-" + projectId }
    public var event: DomainEvent { .milestoneReported(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        projectId = try reader.required("projectId")
        milestoneId = try reader.required("milestoneId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("projectId", projectId.jsonValue)
        object.append("milestoneId", milestoneId.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(projectId)
        writer.write(milestoneId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        projectId = try reader.read()
        milestoneId = try reader.read()
    }
}

/// A project is closed with an outcome.
public struct ProjectClosed: EventPayload {
    public static let typeName = "ProjectClosed"
    public static let typeCode: UInt16 = 27
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("projectId", .identifier),
        FieldSpec("outcome", .text),
    ]

    public var projectId: String
    public var outcome: String

    public init(projectId: String, outcome: String) {
        self.projectId = projectId
        self.outcome = outcome
    }

    public var streamId: String { "project-" + projectId }
    public var event: DomainEvent { .projectClosed(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        projectId = try reader.required("projectId")
        outcome = try reader.required("outcome")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("projectId", projectId.jsonValue)
        object.append("outcome", outcome.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(projectId)
        writer.write(outcome)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        projectId = try reader.read()
        outcome = try reader.read()
    }
}
