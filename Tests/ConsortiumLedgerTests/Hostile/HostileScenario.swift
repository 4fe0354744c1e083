import ConsortiumLedger
import Domain
import Foundation
import LMDB
import LedgerTesting

/// A small consortium with one of everything a money figure sums: a budget, a claim applied,
/// approved and paid, a platform, a tech service — all on 2025-03-01.
enum HostileScenario {
    static func line(_ id: String, _ type: String, by actor: String, _ data: String) -> String {
        #"{"id":"\#(id)","type":"\#(type)","occurredAt":"2025-03-01","actor":"\#(actor)","data":\#(data)}"#
    }

    static let lines = [
        line(
            "e1", "ConsortiumChartered", by: "gov",
            #"{"consortiumId":"C","name":"City","region":"City","leadMemberId":"gov"}"#),
        line("e2", "MemberAdmitted", by: "gov", #"{"memberId":"gov","name":"Bureau","kind":"government"}"#),
        line("e3", "MemberAdmitted", by: "gov", #"{"memberId":"assoc","name":"Association","kind":"association"}"#),
        line(
            "e4", "MemberAdmitted", by: "gov",
            #"{"memberId":"s1","name":"College","kind":"school","schoolLevel":"higher-vocational","creditCode":"\#(SampleCreditCodes.school("s1"))"}"#
        ),
        line(
            "e5", "MemberAdmitted", by: "gov",
            #"{"memberId":"e1","name":"Works","kind":"enterprise","creditCode":"\#(SampleCreditCodes.enterprise("e1"))"}"#
        ),
        line(
            "e6", "AgreementSigned", by: "s1",
            #"{"agreementId":"A1","schoolId":"s1","enterpriseId":"e1","kind":"apprenticeship","startsOn":"2025-01-01","endsOn":"2026-12-31"}"#
        ),
        line(
            "e7", "OrderClassOpened", by: "e1",
            #"{"classId":"C1","agreementId":"A1","major":"CNC","capacity":10,"intakeYear":2025}"#),
        line("e8", "ApprenticeEnrolled", by: "s1", #"{"personId":"p1","classId":"C1","enrolledOn":"2025-03-01"}"#),
        line(
            "e9", "BudgetAllocated", by: "gov",
            #"{"budgetId":"B1","programme":"apprenticeship","year":2025,"amountFen":1000000000000,"source":"city"}"#),
        line(
            "e10", "SubsidyApplied", by: "e1",
            #"{"claimId":"K1","budgetId":"B1","programme":"apprenticeship","applicantId":"e1","personId":"p1","period":"2025","amountFen":1000}"#
        ),
        line("e11", "SubsidyApproved", by: "gov", #"{"claimId":"K1","approverId":"assoc","amountFen":500}"#),
        line("e12", "SubsidyPaid", by: "gov", #"{"claimId":"K1","amountFen":200}"#),
        line(
            "e13", "PlatformCreated", by: "s1",
            #"{"platformId":"L1","kind":"lab","name":"Lab","memberIds":["s1","e1"],"plannedBudgetFen":1000}"#),
        line("e14", "TechServiceDelivered", by: "e1", #"{"providerId":"e1","clientId":"s1","valueFen":1000}"#),
    ]

    /// A new ledger at `path` holding ``lines``.
    static func ledger(at path: String) throws -> Ledger {
        let ledger = try Ledger.create(path: path)
        try ledger.append(lines.map { try ImportLine.parse(json: $0) })
        return ledger
    }

    /// Where a figure lives in a read model: database, key and counter slot.
    struct Figure: Sendable, CustomStringConvertible {
        var name: String
        var database: String
        var key: [UInt8]
        var slot: Int
        var description: String { name }
    }

    /// Council subsidy figures of 2025, apprenticeship programme (`S` year programme-number).
    static func subsidy(_ name: String, slot: Int) -> Figure {
        Figure(name: name, database: "projection.council", key: [UInt8(ascii: "S"), 0x07, 0xE9, 0], slot: slot)
    }

    static let techServiceValue = Figure(
        name: "techServiceValueFen", database: "projection.council", key: [UInt8(ascii: "Y"), 0x07, 0xE9], slot: 6)
    static let contributions = Figure(
        name: "contributionsFen", database: "projection.project", key: [UInt8(ascii: "x")] + Array("L1".utf8), slot: 0)

    /// Reads or sets one counter of a closed ledger's read model, directly in LMDB.
    static func counter(_ figure: Figure, ledger path: String, set value: Int64? = nil) throws -> Int64 {
        let env = try Environment(path: path)
        let database = try env.openDatabase(figure.database, create: false)
        var bytes: [UInt8] = []
        try env.write { txn in
            bytes = try txn.get(database, figure.key).map(Array.init) ?? []
            if bytes.count < (figure.slot + 1) * 8 {
                bytes += [UInt8](repeating: 0, count: (figure.slot + 1) * 8 - bytes.count)
            }
            if let value {
                withUnsafeBytes(of: value.bigEndian) {
                    bytes.replaceSubrange((figure.slot * 8)..<(figure.slot * 8 + 8), with: $0)
                }
                try txn.put(database, figure.key, bytes)
            }
        }
        return bytes[(figure.slot * 8)..<(figure.slot * 8 + 8)].reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }
}
