/// A subsidy budget: its programme, its amount and what has been approved against it.
struct BudgetEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.budget
    var programme: SubsidyProgramme
    var amountFen: Int64
    var approvedFen: Int64

    init(programme: SubsidyProgramme, amountFen: Int64, approvedFen: Int64) {
        self.programme = programme
        self.amountFen = amountFen
        self.approvedFen = approvedFen
    }

    func encode(into writer: inout BinaryWriter) {
        writer.write(programme)
        writer.write(amountFen)
        writer.write(approvedFen)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        programme = try reader.read()
        amountFen = try reader.read()
        approvedFen = try reader.read()
    }
}

/// A subsidy claim with its cumulative (gross) totals.
struct ClaimEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.claim
    var budgetId: String
    var applicantId: String
    var personId: String?
    var appliedFen: Int64
    var approvedFen: Int64 = 0
    var paidFen: Int64 = 0
    /// The part of `paidFen` paid with `advance: true`.
    var advancePaidFen: Int64 = 0
    var clawedBackFen: Int64 = 0

    init(budgetId: String, applicantId: String, personId: String?, appliedFen: Int64) {
        self.budgetId = budgetId
        self.applicantId = applicantId
        self.personId = personId
        self.appliedFen = appliedFen
    }

    func encode(into writer: inout BinaryWriter) {
        writer.write(budgetId)
        writer.write(applicantId)
        writer.write(personId)
        writer.write(appliedFen)
        writer.write(approvedFen)
        writer.write(paidFen)
        writer.write(advancePaidFen)
        writer.write(clawedBackFen)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        budgetId = try reader.read()
        applicantId = try reader.read()
        personId = try reader.read()
        appliedFen = try reader.read()
        approvedFen = try reader.read()
        paidFen = try reader.read()
        advancePaidFen = try reader.read()
        clawedBackFen = try reader.read()
    }
}
