import Domain

/// One subsidy claim as auditors read it: money at each step (gross) and the flags raised.
public struct ClaimReport: Sendable, Equatable {
    public var claimId: String
    public var programme: SubsidyProgramme
    public var applicantId: String
    public var personId: String?
    public var period: String
    public var appliedFen: Int64
    public var approvedFen: Int64
    public var paidFen: Int64
    public var clawedBackFen: Int64
    /// In `ClaimFlag.Code` order; empty for a clean claim.
    public var flags: [ClaimFlag]

    public init(
        claimId: String, programme: SubsidyProgramme, applicantId: String, personId: String?, period: String,
        appliedFen: Int64, approvedFen: Int64, paidFen: Int64, clawedBackFen: Int64, flags: [ClaimFlag]
    ) {
        self.claimId = claimId
        self.programme = programme
        self.applicantId = applicantId
        self.personId = personId
        self.period = period
        self.appliedFen = appliedFen
        self.approvedFen = approvedFen
        self.paidFen = paidFen
        self.clawedBackFen = clawedBackFen
        self.flags = flags
    }
}

extension ClaimReport: TierReport {
    public var fields: [ReportField] {
        [
            ReportField("claimId", .text(claimId)),
            ReportField("programme", .text(programme.rawValue)),
            ReportField("applicantId", .text(applicantId)),
            ReportField("personId", .text(personId)),
            ReportField("period", .text(period)),
            ReportField("appliedFen", .money(fen: appliedFen)),
            ReportField("approvedFen", .money(fen: approvedFen)),
            ReportField("paidFen", .money(fen: paidFen)),
            ReportField("clawedBackFen", .money(fen: clawedBackFen)),
            ReportField("flags", .list(flags.map(\.code.rawValue))),
            ReportField("reasons", .list(flags.map(\.sentence))),
        ]
    }

    public var json: JSONValue {
        [
            "claimId": .string(claimId),
            "programme": .string(programme.rawValue),
            "applicantId": .string(applicantId),
            "personId": personId.map { .string($0) } ?? .null,
            "period": .string(period),
            "appliedFen": .int(appliedFen),
            "approvedFen": .int(approvedFen),
            "paidFen": .int(paidFen),
            "clawedBackFen": .int(clawedBackFen),
            "flags": .array(flags.map(\.json)),
        ]
    }

    public static var columnNames: [String] {
        ClaimReport(
            claimId: "", programme: .apprenticeship, applicantId: "", personId: nil, period: "", appliedFen: 0,
            approvedFen: 0, paidFen: 0, clawedBackFen: 0, flags: []
        ).fields.map(\.name)
    }
}
