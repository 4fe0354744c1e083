import Domain

/// One subsidy claim as the auditors' model keeps it: who applied for whom and when, and
/// the gross money at each step (a claw-back is never netted).
struct ClaimRecord: Equatable {
    var programme: SubsidyProgramme
    var applicantId: String
    var personId: String?
    var period: String
    var appliedOn: LocalDate
    var appliedFen: Int64
    var approvedFen: Int64 = 0
    var paidFen: Int64 = 0
    var clawedBackFen: Int64 = 0
    /// The business date of the latest payment, for "paid after withdrawal".
    var lastPaidOn: LocalDate?

    init(
        programme: SubsidyProgramme, applicantId: String, personId: String?, period: String, appliedOn: LocalDate,
        appliedFen: Int64
    ) {
        self.programme = programme
        self.applicantId = applicantId
        self.personId = personId
        self.period = period
        self.appliedOn = appliedOn
        self.appliedFen = appliedFen
    }

    var encoded: [UInt8] {
        EntityCodec.encode(capacity: 64) { writer in
            writer.write(programme)
            writer.write(applicantId)
            writer.write(personId)
            writer.write(period)
            writer.write(appliedOn)
            writer.write(appliedFen)
            writer.write(approvedFen)
            writer.write(paidFen)
            writer.write(clawedBackFen)
            writer.write(lastPaidOn)
        }
    }

    init(_ bytes: [UInt8]) throws {
        self = try EntityCodec.decode(bytes) { reader in
            var record = ClaimRecord(
                programme: try reader.readCase(of: ClaimsLayout.programmes), applicantId: try reader.read(),
                personId: try reader.read(), period: try reader.read(), appliedOn: try reader.read(),
                appliedFen: try reader.read())
            record.approvedFen = try reader.read()
            record.paidFen = try reader.read()
            record.clawedBackFen = try reader.read()
            record.lastPaidOn = try reader.read()
            return record
        }
    }
}
