import LedgerTesting

/// Import lines for the rule-code tests: the rules tests' standard consortium as JSONL.
///
/// Lead government `gov`, association `assoc`, schools `school-1`, `school-2`, enterprises
/// `ent-1`…`ent-3`; agreement `A1` (school-1 with ent-1, 2025-01-01…2026-12-31), order class
/// `C1` (2 places) and apprenticeship budget `B1` of 1,000,000 fen. Everything on 2025-03-01.
enum RuleLines {
    static func line(_ type: String, by actor: String, _ data: String) -> String {
        #"{"type":"\#(type)","occurredAt":"2025-03-01","actor":"\#(actor)","data":{\#(data)}}"#
    }

    static let charter = line(
        "ConsortiumChartered", by: "gov",
        #""consortiumId":"SZ","name":"Test Consortium","region":"Test","leadMemberId":"gov""#)

    /// Schools and enterprises carry the unified social credit code schema version 2 requires.
    static func admit(_ id: String, _ kind: String, creditCode: String? = nil) -> String {
        let code =
            creditCode
            ?? (kind == "school"
                ? SampleCreditCodes.school(id) : kind == "enterprise" ? SampleCreditCodes.enterprise(id) : nil)
        let codeField = code.map { #","creditCode":"\#($0)""# } ?? ""
        return line(
            "MemberAdmitted", by: "gov", #""memberId":"\#(id)","name":"member \#(id)","kind":"\#(kind)""# + codeField)
    }

    /// Only what a ledger that requires signatures accepts unsigned: the lead's bootstrap.
    static let bootstrap = [charter, admit("gov", "government"), admit("ent-1", "enterprise")]

    static let standard =
        [
            charter, admit("gov", "government"), admit("assoc", "association"), admit("school-1", "school"),
            admit("school-2", "school"), admit("ent-1", "enterprise"), admit("ent-2", "enterprise"),
            admit("ent-3", "enterprise"),
        ] + [
            sign("A1", "school-1", "ent-1", by: "school-1"), openClass("C1", under: "A1", capacity: 2, by: "ent-1"),
            line(
                "BudgetAllocated", by: "gov",
                #""budgetId":"B1","programme":"apprenticeship","year":2025,"amountFen":1000000,"source":"city""#),
        ]

    static func sign(
        _ id: String, _ school: String, _ enterprise: String, by actor: String, from: String = "2025-01-01",
        to: String = "2026-12-31"
    ) -> String {
        line(
            "AgreementSigned", by: actor,
            #""agreementId":"\#(id)","schoolId":"\#(school)","enterpriseId":"\#(enterprise)","kind":"orderClass","startsOn":"\#(from)","endsOn":"\#(to)""#
        )
    }

    static func amend(_ id: String, by actor: String) -> String {
        line("AgreementAmended", by: actor, #""agreementId":"\#(id)","places":10"#)
    }

    static func terminate(_ id: String, by actor: String) -> String {
        line("AgreementTerminated", by: actor, #""agreementId":"\#(id)","reason":"ended""#)
    }

    static func withdraw(_ member: String) -> String {
        line("MemberWithdrawn", by: "gov", #""memberId":"\#(member)","reason":"moved""#)
    }

    static func openClass(_ id: String, under agreement: String, capacity: Int = 30, by actor: String = "gov") -> String
    {
        line(
            "OrderClassOpened", by: actor,
            #""classId":"\#(id)","agreementId":"\#(agreement)","major":"CNC","capacity":\#(capacity),"intakeYear":2025"#
        )
    }

    static func enrol(_ person: String, in classId: String = "C1", by actor: String = "school-1") -> String {
        line(
            "ApprenticeEnrolled", by: actor,
            #""personId":"\#(person)","classId":"\#(classId)","enrolledOn":"2025-03-01""#)
    }

    static func hire(_ person: String) -> String {
        line("GraduateHired", by: "ent-1", #""personId":"\#(person)","enterpriseId":"ent-1","local":true"#)
    }

    static func claim(
        _ id: String, applicant: String = "ent-1", person: String = "p1", period: String = "2025",
        programme: String = "apprenticeship"
    ) -> String {
        line(
            "SubsidyApplied", by: applicant,
            #""claimId":"\#(id)","budgetId":"B1","programme":"\#(programme)","applicantId":"\#(applicant)","personId":"\#(person)","period":"\#(period)","amountFen":600000"#
        )
    }

    static func approve(_ claim: String, _ amount: Int, approver: String = "assoc") -> String {
        line("SubsidyApproved", by: "gov", #""claimId":"\#(claim)","approverId":"\#(approver)","amountFen":\#(amount)"#)
    }

    static func pay(_ claim: String, _ amount: Int, advance: Bool) -> String {
        line("SubsidyPaid", by: "gov", #""claimId":"\#(claim)","amountFen":\#(amount),"advance":\#(advance)"#)
    }

    static func registerKey(_ member: String, publicKey: String) -> String {
        line("MemberKeyRegistered", by: "gov", #""memberId":"\#(member)","publicKey":"\#(publicKey)""#)
    }

    static func training(by provider: String) -> String {
        line("TrainingDelivered", by: provider, #""providerId":"\#(provider)","personTimes":10,"topic":"safety""#)
    }
}
