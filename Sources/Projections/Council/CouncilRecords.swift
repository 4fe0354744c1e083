import Domain

/// A member as the council counts it: what it is and the days its status changed, so a
/// query can judge membership on any day.
struct MemberRecord: Equatable {
    /// Built once: the council query decodes every member, and `MemberKind.allCases` allocates.
    static let kinds = MemberKind.allCases

    var kind: MemberKind
    var admittedOn: LocalDate
    var withdrawnOn: LocalDate?
    var certifiedOn: LocalDate?

    /// Admitted on or before `day` and not withdrawn by then.
    func isOnRoll(on day: LocalDate) -> Bool {
        admittedOn <= day && (withdrawnOn.map { $0 > day } ?? true)
    }

    var encoded: [UInt8] {
        EntityCodec.encode { writer in
            writer.write(kind)
            writer.write(admittedOn)
            writer.write(withdrawnOn)
            writer.write(certifiedOn)
        }
    }

    init(kind: MemberKind, admittedOn: LocalDate) {
        self.kind = kind
        self.admittedOn = admittedOn
    }

    init(_ bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try MemberRecord(raw: $0) }
    }

    init(raw: UnsafeRawBufferPointer) throws {
        (kind, admittedOn, withdrawnOn, certifiedOn) = try EntityCodec.decode(raw) { reader in
            (try reader.readCase(of: Self.kinds), try reader.read(), try reader.read(), try reader.read())
        }
    }
}

/// An agreement's enterprise and effective term, from which `AgreementYears` indexes the
/// years it is in force (for "enterprises participating").
struct AgreementSpan: Equatable {
    var schoolId: String
    var enterpriseId: String
    var startsOn: LocalDate
    var endsOn: LocalDate
    /// The day of termination; the agreement is not active from that day on.
    var terminatedOn: LocalDate?

    /// The last day the agreement was in force.
    var lastDay: LocalDate {
        guard let terminatedOn else { return endsOn }
        return min(endsOn, terminatedOn.adding(days: -1))
    }

    var encoded: [UInt8] {
        EntityCodec.encode { writer in
            writer.write(schoolId)
            writer.write(enterpriseId)
            writer.write(startsOn)
            writer.write(endsOn)
            writer.write(terminatedOn)
        }
    }

    init(schoolId: String, enterpriseId: String, startsOn: LocalDate, endsOn: LocalDate) {
        self.schoolId = schoolId
        self.enterpriseId = enterpriseId
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    init(_ bytes: [UInt8]) throws {
        (schoolId, enterpriseId, startsOn, endsOn, terminatedOn) = try EntityCodec.decode(bytes) { reader in
            (try reader.read(), try reader.read(), try reader.read(), try reader.read(), try reader.read())
        }
    }
}

/// A platform's kind and the days it was created and accepted.
struct PlatformRecord: Equatable {
    /// Built once, as `MemberRecord.kinds`.
    static let kinds = PlatformKind.allCases

    var kind: PlatformKind
    var createdOn: LocalDate
    var acceptedOn: LocalDate?

    var encoded: [UInt8] {
        EntityCodec.encode { writer in
            writer.write(kind)
            writer.write(createdOn)
            writer.write(acceptedOn)
        }
    }

    init(kind: PlatformKind, createdOn: LocalDate) {
        self.kind = kind
        self.createdOn = createdOn
    }

    init(_ bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try PlatformRecord(raw: $0) }
    }

    init(raw: UnsafeRawBufferPointer) throws {
        (kind, createdOn, acceptedOn) = try EntityCodec.decode(raw) { reader in
            (try reader.readCase(of: Self.kinds), try reader.read(), try reader.read())
        }
    }
}
