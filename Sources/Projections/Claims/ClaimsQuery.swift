import Domain

/// Answers `ledger query claims [--flagged] [--programme P] [--applicant M]`: every claim in
/// id order with the flags its evidence raises (see `ClaimFlag`).
public enum ClaimsQuery {
    public struct Filter: Sendable, Equatable {
        public var flaggedOnly: Bool
        public var programme: SubsidyProgramme?
        public var applicantId: String?

        public init(flaggedOnly: Bool = false, programme: SubsidyProgramme? = nil, applicantId: String? = nil) {
            self.flaggedOnly = flaggedOnly
            self.programme = programme
            self.applicantId = applicantId
        }
    }

    public static func run(_ filter: Filter = Filter(), store: some ProjectionStore) throws -> [ClaimReport] {
        var reports: [ClaimReport] = []
        try store.forEach(prefix: [ClaimsLayout.claim]) { key, value in
            let claim = try ClaimRecord(value)
            if let programme = filter.programme, claim.programme != programme { return }
            if let applicant = filter.applicantId, claim.applicantId != applicant { return }
            let flags = try ClaimChecks.flags(of: claim, store: store)
            if filter.flaggedOnly && flags.isEmpty { return }
            reports.append(
                ClaimReport(
                    claimId: KeyBytes.id(after: 1, in: key), programme: claim.programme, applicantId: claim.applicantId,
                    personId: claim.personId, period: claim.period, appliedFen: claim.appliedFen,
                    approvedFen: claim.approvedFen, paidFen: claim.paidFen, clawedBackFen: claim.clawedBackFen,
                    flags: flags))
        }
        return reports
    }
}
