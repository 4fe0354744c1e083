import Domain

/// Key layout of the project-management read model.
///
/// | key | value |
/// |---|---|
/// | `j` projectId | `ProjectRecord` (title, platform, budget, milestones, closed) |
/// | `x` platformId | `PlatformSlot` counters: contributions by kind, accepted flag |
enum ProjectLayout {
    static let project = UInt8(ascii: "j")
    static let platform = UInt8(ascii: "x")
}

/// Counter slots of a platform (`x`).
enum PlatformSlot {
    /// All contributions, whatever their kind.
    static let contributionsFen = 0
    static let cashFen = 1
    static let equipmentFen = 2
    static let staffFen = 3
    static let siteFen = 4
    /// 1 once the platform is accepted.
    static let accepted = 5
    static let count = 6

    static func slot(for kind: ContributionKind) -> Int {
        switch kind {
        case .cash: return cashFen
        case .equipment: return equipmentFen
        case .staff: return staffFen
        case .site: return siteFen
        }
    }
}

/// A project with its milestones; milestones are few, so the whole record is rewritten
/// when one is reached.
struct ProjectRecord: Equatable {
    struct Milestone: Equatable {
        var milestoneId: String
        var dueOn: LocalDate
        var reachedOn: LocalDate?
    }

    var title: String
    var platformId: String?
    var budgetFen: Int64
    var closedOn: LocalDate?
    var milestones: [Milestone]

    init(_ e: ProjectCreated) {
        title = e.title
        platformId = e.platformId
        budgetFen = e.budgetFen
        closedOn = nil
        milestones = e.milestones.map { Milestone(milestoneId: $0.milestoneId, dueOn: $0.dueOn, reachedOn: nil) }
    }

    init(_ bytes: [UInt8]) throws {
        (title, platformId, budgetFen, closedOn, milestones) = try EntityCodec.decode(bytes) { reader in
            let title: String = try reader.read()
            let platformId: String? = try reader.read()
            let budgetFen: Int64 = try reader.read()
            let closedOn: LocalDate? = try reader.read()
            let count = try reader.readCount()
            var milestones: [Milestone] = []
            milestones.reserveCapacity(count)
            for _ in 0..<count {
                milestones.append(
                    Milestone(milestoneId: try reader.read(), dueOn: try reader.read(), reachedOn: try reader.read()))
            }
            return (title, platformId, budgetFen, closedOn, milestones)
        }
    }

    var encoded: [UInt8] {
        EntityCodec.encode(capacity: 64) { writer in
            writer.write(title)
            writer.write(platformId)
            writer.write(budgetFen)
            writer.write(closedOn)
            writer.writeVarint(UInt64(milestones.count))
            for milestone in milestones {
                writer.write(milestone.milestoneId)
                writer.write(milestone.dueOn)
                writer.write(milestone.reachedOn)
            }
        }
    }
}
