// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// An enterprise publishes the skills it needs for a year.
public struct DemandListPublished: EventPayload {
    public static let typeName = "DemandListPublished"
    public static let typeCode: UInt16 = 10
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("listId", .identifier),
        FieldSpec("enterpriseId", .identifier),
        FieldSpec("year", .year),
        FieldSpec("items", .array(.object(Item.fields))),
    ]

    public var listId: String
    public var enterpriseId: String
    public var year: Int
    public var items: [Item]

    public init(listId: String, enterpriseId: String, year: Int, items: [Item]) {
        self.listId = listId
        self.enterpriseId = enterpriseId
        self.year = year
        self.items = items
    }

    public var streamId: String { "list-" + listId }
    public var event: DomainEvent { .demandListPublished(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        listId = try reader.required("listId")
        enterpriseId = try reader.required("enterpriseId")
        year = try reader.required("year")
        items = try reader.required("items")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 4)
        object.append("listId", listId.jsonValue)
        object.append("enterpriseId", enterpriseId.jsonValue)
        object.append("year", year.jsonValue)
        object.append("items", items.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(listId)
        writer.write(enterpriseId)
        writer.write(year)
        writer.write(items)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        listId = try reader.read()
        enterpriseId = try reader.read()
        year = try reader.read()
        items = try reader.read()
    }
}

extension DemandListPublished {
    /// One line of a demand list: how many people of one occupation the enterprise wants.
    public struct Item: JSONObjectCodable, BinaryCodable {
        public static let fields: [FieldSpec] = [
            FieldSpec("occupation", .text),
            FieldSpec("headcount", .integer(minimum: 1, maximum: nil)),
        ]

        public var occupation: String
        public var headcount: Int

        public init(occupation: String, headcount: Int) {
            self.occupation = occupation
            self.headcount = headcount
        }

        public init(json object: JSONObject, path: String) throws(FieldError) {
            let reader = try FieldReader(object, fields: Self.fields, path: path)
            occupation = try reader.required("occupation")
            headcount = try reader.required("headcount")
        }

        public func jsonObject() -> JSONObject {
            var object = JSONObject(minimumCapacity: 2)
            object.append("occupation", occupation.jsonValue)
            object.append("headcount", headcount.jsonValue)
            return object
        }

        public func encode(into writer: inout BinaryWriter) {
            writer.write(occupation)
            writer.write(headcount)
        }

        public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
            occupation = try reader.read()
            headcount = try reader.read()
        }
    }
}

/// An order class (订单班) opens under an agreement with a fixed capacity.
public struct OrderClassOpened: EventPayload {
    public static let typeName = "OrderClassOpened"
    public static let typeCode: UInt16 = 11
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("classId", .identifier),
        FieldSpec("agreementId", .identifier),
        FieldSpec("major", .text),
        FieldSpec("capacity", .integer(minimum: 1, maximum: nil)),
        FieldSpec("intakeYear", .year),
    ]

    public var classId: String
    public var agreementId: String
    public var major: String
    public var capacity: Int
    public var intakeYear: Int

    public init(classId: String, agreementId: String, major: String, capacity: Int, intakeYear: Int) {
        self.classId = classId
        self.agreementId = agreementId
        self.major = major
        self.capacity = capacity
        self.intakeYear = intakeYear
    }

    public var streamId: String { "class-" + classId }
    public var event: DomainEvent { .orderClassOpened(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        classId = try reader.required("classId")
        agreementId = try reader.required("agreementId")
        major = try reader.required("major")
        capacity = try reader.required("capacity")
        intakeYear = try reader.required("intakeYear")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 5)
        object.append("classId", classId.jsonValue)
        object.append("agreementId", agreementId.jsonValue)
        object.append("major", major.jsonValue)
        object.append("capacity", capacity.jsonValue)
        object.append("intakeYear", intakeYear.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(classId)
        writer.write(agreementId)
        writer.write(major)
        writer.write(capacity)
        writer.write(intakeYear)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        classId = try reader.read()
        agreementId = try reader.read()
        major = try reader.read()
        capacity = try reader.read()
        intakeYear = try reader.read()
    }
}
