import Domain

/// Finds stored read-model figures that no accepted history can produce (see
/// docs/HOSTILE-INPUT.md): the audit's check that a figure was not wrapped or doctored.
///
/// Every counter a projector keeps is a sum of non-negative amounts or a count of events, so
/// a negative value means a wrapped sum or a damaged store. Named by tier, key and figure
/// (e.g. `council subsidies.apprenticeship.budgetFen of 2025 is -2`), so an auditor knows
/// which published number is wrong before even looking at the digests.
public enum FigureRanges {
    /// One figure outside its range.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var model: String
        public var figure: String
        public var value: Int64
        public var description: String {
            "\(model) \(figure) is \(value), outside 0…\(Int64.max): a figure is a sum of non-negative amounts"
        }
    }

    static let yearNames = [
        "apprenticesEnrolled", "apprenticesGraduated", "graduatesHired", "graduatesRetainedLocally",
        "trainingPersonTimes", "techServices", "techServiceValueFen", "orderClassPlaces", "orderClassFilled",
    ]
    static let subsidyNames = ["budgetFen", "appliedFen", "approvedFen", "paidFen", "clawedBackFen"]
    static let pairNames = [
        "classes.capacity", "classes.enrolled", "apprenticesByStage.enrolled", "apprenticesByStage.placed",
        "apprenticesByStage.assessed", "apprenticesByStage.certified", "apprenticesByStage.graduated",
        "apprenticesByStage.hired", "apprenticesByStage.withdrawn", "dualMentored", "assessments",
        "assessmentsPassed", "hiresLocal", "subsidiesPaidFen",
    ]
    static let platformNames = ["contributionsFen", "cashFen", "equipmentFen", "staffFen", "siteFen", "accepted"]

    /// The out-of-range figures of the three stored read models, in key order.
    public static func check(
        council: some ProjectionStore, committee: some ProjectionStore, project: some ProjectionStore
    ) throws -> [Finding] {
        var findings: [Finding] = []
        try scan(council, prefix: CouncilLayout.yearFigures, names: yearNames, model: "council", into: &findings) {
            key in
            "of \(KeyBytes.year(at: 1, in: key))"
        }
        try scan(council, prefix: CouncilLayout.subsidies, names: subsidyNames, model: "council", into: &findings) {
            key in
            let programme = key.count > 3 ? CouncilLayout.programme(key[3])?.rawValue ?? "?" : "?"
            return "of \(KeyBytes.year(at: 1, in: key)), programme \(programme)"
        }
        try scan(committee, prefix: CommitteeLayout.figures, names: pairNames, model: "committee", into: &findings) {
            key in
            "of pair \(ControlCharacters.escaped(KeyBytes.id(after: 1, in: key).split(separator: "\0").joined(separator: "/")))"
        }
        try scan(project, prefix: ProjectLayout.platform, names: platformNames, model: "project", into: &findings) {
            key in
            "of platform \(ControlCharacters.escaped(KeyBytes.id(after: 1, in: key)))"
        }
        return findings
    }

    private static func scan(
        _ store: some ProjectionStore, prefix: UInt8, names: [String], model: String,
        into findings: inout [Finding], _ owner: ([UInt8]) -> String
    ) throws {
        try store.forEach(prefix: [prefix]) { key, value in
            let counters = CounterValues(bytes: value)
            for slot in 0..<(value.count / 8) where counters[slot] < 0 {
                let name = slot < names.count ? names[slot] : "slot \(slot)"
                findings.append(Finding(model: model, figure: "\(name) \(owner(key))", value: counters[slot]))
            }
        }
    }
}
