// The simulation's plain data: scheduled jobs, the codes it keeps members, agreements,
// programmes and apprentices by, and the records of what it has emitted so far.

/// A scheduled piece of work: `kind` says what, `subject` is the member, agreement, class,
/// person slot or claim slot it concerns, `detail` a kind-specific argument.
struct Job {
    var kind: UInt8
    var subject: Int32
    var detail: Int32
}

/// What a job does. Person-bound jobs (40…) have a person slot as subject, claim-bound jobs
/// (60…) a claim slot.
enum JobKind {
    static let daily: UInt8 = 1, year: UInt8 = 2, charter: UInt8 = 3, admit: UInt8 = 4, key: UInt8 = 5
    static let certify: UInt8 = 6, kpi: UInt8 = 7, budget: UInt8 = 8, resolution: UInt8 = 9
    static let sign: UInt8 = 10, amendEnds: UInt8 = 11, amendPlaces: UInt8 = 12, terminate: UInt8 = 13
    static let open: UInt8 = 14, enrol: UInt8 = 15, contrib: UInt8 = 16, decide: UInt8 = 17
    static let milestone: UInt8 = 18, closeProject: UInt8 = 19, withdrawMember: UInt8 = 20, payPlanted: UInt8 = 21
    static let mentorS: UInt8 = 40, mentorE: UInt8 = 41, pyear: UInt8 = 42, place: UInt8 = 43
    static let assess: UInt8 = 44, cert: UInt8 = 45, grad: UInt8 = 46, hire: UInt8 = 47, verify: UInt8 = 48
    static let withdraw: UInt8 = 49, plant: UInt8 = 51
    /// Claim a subsidy for the person; `detail` is the period (a year). One kind per programme.
    static let applyApprenticeship: UInt8 = 53, applySocialInsurance: UInt8 = 57

    static func apply(_ programme: Int) -> UInt8 { applyApprenticeship + UInt8(programme) }
    static func programme(ofApply kind: UInt8) -> Int { Int(kind - applyApprenticeship) }
    static let approve: UInt8 = 60, pay: UInt8 = 61, payRest: UInt8 = 62, clawback: UInt8 = 63
}

/// A budget is allocated once per year and programme.
struct BudgetKey: Hashable {
    var year: Int
    var programme: Int
}

/// Member kinds in the order of the catalogue's `kind` values.
enum MemberCode {
    static let government: UInt8 = 0, park: UInt8 = 1, association: UInt8 = 2, enterprise: UInt8 = 3
    static let school: UInt8 = 4, research: UInt8 = 5
}

enum AgreementCode {
    static let orderClass: UInt8 = 0, apprenticeship: UInt8 = 1, coBuild: UInt8 = 2, internship: UInt8 = 3
    static let techService: UInt8 = 4
}

/// The subsidy programmes the generator claims under (it never claims `startup`).
enum ProgrammeCode {
    static let apprenticeship = 0, internship = 1, employment = 2, skillsAward = 3, socialInsurance = 4
    static let count = 5
}

/// What an apprentice has reached, as bits of `Person.flags`.
enum PersonFlag {
    static let withdrawn: UInt16 = 1, passed: UInt16 = 2, graduated: UInt16 = 4, failedOnce: UInt16 = 8
    static let hired: UInt16 = 16, certified: UInt16 = 32
}

struct Person {
    var num: Int32 = 0
    var cls: Int32 = 0
    var pending: Int32 = 0
    var flags: UInt16 = 0
    var hiredBy: Int32 = -1
}

struct Claim {
    var num: Int32 = 0
    var person: Int32 = 0
    var budget: Int32 = 0
    var applicant: Int32 = 0
    var programme: Int32 = 0
    var applied: Int = 0
    var approved: Int = 0
    var paid: Int = 0
    var clawed: Int = 0
}

struct Agreement {
    var school: Int32
    var ent: Int32
    var kind: UInt8
    var startsOn: Int32
    var endsOn: Int32
    var terminated: Bool
    var places: Int32
}

struct OrderClass {
    var agreement: Int32
    var capacity: Int16
    var enrolled: Int16
    var intakeYear: Int16
    var len: Int16
}

struct Budget {
    var programme: Int32
    var year: Int32
    var amount: Int
    var approved: Int
}

struct Platform {
    var members: [Int32]
    var state: UInt8  // 0 pending, 1 accepted, 2 rejected
}

struct Project {
    var lead: Int32
    var closed: Bool
}

struct Params {
    var events: Int
    var seed: UInt64
    var startYear: Int
    var years: Int
    var scale: Double
}
