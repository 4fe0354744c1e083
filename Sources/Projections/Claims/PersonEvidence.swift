import Domain

/// What the ledger holds that can back a claim for a person: the classes they were enrolled
/// in (as school–enterprise pairs, from the day given), internship placements, who hired them,
/// and when they withdrew or graduated.
struct PersonEvidence: Equatable {
    struct Enrolment: Equatable {
        var schoolId: String
        var enterpriseId: String
        var from: LocalDate
    }

    struct Placement: Equatable {
        var enterpriseId: String
        var startsOn: LocalDate
        var endsOn: LocalDate
    }

    var enrolments: [Enrolment] = []
    var placements: [Placement] = []
    var hiredBy: [String] = []
    var withdrawnOn: LocalDate?
    var graduatedOn: LocalDate?

    init() {}

    /// The days enrolment `index` lasted: to the day before the next enrolment, or to
    /// withdrawal or graduation, whichever comes first (open-ended otherwise).
    func span(of index: Int) -> (from: LocalDate, to: LocalDate?) {
        let enrolment = enrolments[index]
        var end: LocalDate?
        if index + 1 < enrolments.count { end = enrolments[index + 1].from.adding(days: -1) }
        for stop in [withdrawnOn, graduatedOn].compactMap({ $0 }) where stop >= enrolment.from {
            end = min(end ?? stop, stop)
        }
        return (enrolment.from, end)
    }

    var encoded: [UInt8] {
        EntityCodec.encode(capacity: 64) { writer in
            writer.writeVarint(UInt64(enrolments.count))
            for enrolment in enrolments {
                writer.write(enrolment.schoolId)
                writer.write(enrolment.enterpriseId)
                writer.write(enrolment.from)
            }
            writer.writeVarint(UInt64(placements.count))
            for placement in placements {
                writer.write(placement.enterpriseId)
                writer.write(placement.startsOn)
                writer.write(placement.endsOn)
            }
            writer.writeVarint(UInt64(hiredBy.count))
            for enterprise in hiredBy { writer.write(enterprise) }
            writer.write(withdrawnOn)
            writer.write(graduatedOn)
        }
    }

    init(_ bytes: [UInt8]) throws {
        self = try EntityCodec.decode(bytes) { reader in
            var evidence = PersonEvidence()
            for _ in 0..<(try reader.readVarint()) {
                evidence.enrolments.append(
                    Enrolment(schoolId: try reader.read(), enterpriseId: try reader.read(), from: try reader.read()))
            }
            for _ in 0..<(try reader.readVarint()) {
                evidence.placements.append(
                    Placement(enterpriseId: try reader.read(), startsOn: try reader.read(), endsOn: try reader.read()))
            }
            for _ in 0..<(try reader.readVarint()) { evidence.hiredBy.append(try reader.read()) }
            evidence.withdrawnOn = try reader.read()
            evidence.graduatedOn = try reader.read()
            return evidence
        }
    }
}
