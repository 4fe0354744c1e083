/// A school–enterprise agreement: its parties and its term as amended.
struct AgreementEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.agreement
    var schoolId: String
    var enterpriseId: String
    var startsOn: LocalDate
    var endsOn: LocalDate
    /// The occurredAt date of `AgreementTerminated`; from that day on the agreement is over.
    var terminatedOn: LocalDate?

    init(schoolId: String, enterpriseId: String, startsOn: LocalDate, endsOn: LocalDate, terminatedOn: LocalDate? = nil)
    {
        self.schoolId = schoolId
        self.enterpriseId = enterpriseId
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.terminatedOn = terminatedOn
    }

    func isParty(_ memberId: String) -> Bool { memberId == schoolId || memberId == enterpriseId }

    /// Signed, started, not ended and not terminated on `date`.
    func isActive(on date: LocalDate) -> Bool {
        guard startsOn <= date, date <= endsOn else { return false }
        if let terminatedOn, date >= terminatedOn { return false }
        return true
    }

    func encode(into writer: inout BinaryWriter) {
        writer.write(schoolId)
        writer.write(enterpriseId)
        writer.write(startsOn)
        writer.write(endsOn)
        writer.write(terminatedOn)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        schoolId = try reader.read()
        enterpriseId = try reader.read()
        startsOn = try reader.read()
        endsOn = try reader.read()
        terminatedOn = try reader.read()
    }
}

/// An order class: its agreement, its capacity and the places taken now.
struct ClassEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.orderClass
    var agreementId: String
    var capacity: Int
    /// Enrolled minus withdrawn: a withdrawal frees a place, a graduation does not.
    var occupied: Int

    init(agreementId: String, capacity: Int, occupied: Int) {
        self.agreementId = agreementId
        self.capacity = capacity
        self.occupied = occupied
    }

    func encode(into writer: inout BinaryWriter) {
        writer.write(agreementId)
        writer.write(capacity)
        writer.write(occupied)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        agreementId = try reader.read()
        capacity = try reader.read()
        occupied = try reader.read()
    }
}

/// An apprentice: the class it is (or was last) in, that class's parties copied in so that
/// permission checks on apprentice events read one record, and its stage.
struct PersonEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.person

    enum Stage: UInt8, Sendable {
        case enrolled = 0
        case withdrawn = 1
        case graduated = 2
    }

    var classId: String
    var schoolId: String
    var enterpriseId: String
    var stage: Stage
    /// Any `ApprenticeAssessed`, passed or not, ever: lifts the 50 % advance cap.
    var assessed: Bool
    /// The enterprise of the latest `GraduateHired`; `EmploymentVerified` must name it.
    var hiredBy: String?

    init(classId: String, schoolId: String, enterpriseId: String, stage: Stage, assessed: Bool, hiredBy: String?) {
        self.classId = classId
        self.schoolId = schoolId
        self.enterpriseId = enterpriseId
        self.stage = stage
        self.assessed = assessed
        self.hiredBy = hiredBy
    }

    func isParty(_ memberId: String) -> Bool { memberId == schoolId || memberId == enterpriseId }

    func encode(into writer: inout BinaryWriter) {
        writer.write(classId)
        writer.write(schoolId)
        writer.write(enterpriseId)
        writer.writeRaw(CollectionOfOne(stage.rawValue))
        writer.write(assessed)
        writer.write(hiredBy)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        classId = try reader.read()
        schoolId = try reader.read()
        enterpriseId = try reader.read()
        let raw = try reader.readByte()
        guard let stage = Stage(rawValue: raw) else {
            throw reader.failure(.invalidValue, "an apprentice stage 0…2, got \(raw)")
        }
        self.stage = stage
        assessed = try reader.read()
        hiredBy = try reader.read()
    }
}
