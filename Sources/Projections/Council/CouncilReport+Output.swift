import Domain

extension CouncilReport: TierReport {
    /// Flattened in JSON order; `kpis` columns are `kpis.<metric>[@member].target|actual`.
    public var fields: [ReportField] {
        var out: [ReportField] = [ReportField("year", .count(Int64(year)))]
        out.append(ReportField("members.total", .count(Int64(members.total))))
        out.append(ReportField("members.active", .count(Int64(members.active))))
        for kind in MemberKind.allCases {
            out.append(ReportField("members.byKind.\(kind.rawValue)", .count(Int64(members.byKind[kind] ?? 0))))
        }
        out.append(ReportField("enterprisesParticipating", .count(Int64(enterprisesParticipating))))
        out.append(ReportField("certifiedEnterprises", .count(Int64(certifiedEnterprises))))
        out.append(ReportField("apprenticesEnrolled", .count(apprenticesEnrolled)))
        out.append(ReportField("apprenticesGraduated", .count(apprenticesGraduated)))
        out.append(ReportField("graduatesHired", .count(graduatesHired)))
        out.append(ReportField("graduatesRetainedLocally", .count(graduatesRetainedLocally)))
        out.append(ReportField("trainingPersonTimes", .count(trainingPersonTimes)))
        out.append(ReportField("techServices", .count(techServices)))
        out.append(ReportField("techServiceValueFen", .money(fen: techServiceValueFen)))
        out.append(ReportField("orderClassPlaces", .count(orderClassPlaces)))
        out.append(ReportField("orderClassFilled", .count(orderClassFilled)))
        out.append(ReportField("platforms.total", .count(Int64(platforms.total))))
        for kind in PlatformKind.allCases {
            out.append(ReportField("platforms.byKind.\(kind.rawValue)", .count(Int64(platforms.byKind[kind] ?? 0))))
        }
        out.append(ReportField("platforms.accepted", .count(Int64(platforms.accepted))))
        for programme in SubsidyProgramme.allCases {
            let figures = subsidy(programme)
            let stem = "subsidies.\(programme.rawValue)."
            out.append(ReportField(stem + "budgetFen", .money(fen: figures.budgetFen)))
            out.append(ReportField(stem + "appliedFen", .money(fen: figures.appliedFen)))
            out.append(ReportField(stem + "approvedFen", .money(fen: figures.approvedFen)))
            out.append(ReportField(stem + "paidFen", .money(fen: figures.paidFen)))
            out.append(ReportField(stem + "clawedBackFen", .money(fen: figures.clawedBackFen)))
        }
        for kpi in kpis {
            let stem = "kpis.\(kpi.metric.rawValue)" + (kpi.memberId.map { "@" + $0 } ?? "") + "."
            out.append(ReportField(stem + "target", .count(kpi.target)))
            out.append(ReportField(stem + "actual", .count(kpi.actual)))
        }
        out.append(ReportField("inactiveMembers", .list(inactiveMembers)))
        return out
    }

    public var json: JSONValue {
        var object = JSONObject(minimumCapacity: 20)
        object.append("year", .int(Int64(year)))
        object.append(
            "members",
            [
                "total": .int(Int64(members.total)),
                "active": .int(Int64(members.active)),
                "byKind": .object(
                    JSONObject(MemberKind.allCases.map { ($0.rawValue, .int(Int64(members.byKind[$0] ?? 0))) })),
            ])
        object.append("enterprisesParticipating", .int(Int64(enterprisesParticipating)))
        object.append("certifiedEnterprises", .int(Int64(certifiedEnterprises)))
        object.append("apprenticesEnrolled", .int(apprenticesEnrolled))
        object.append("apprenticesGraduated", .int(apprenticesGraduated))
        object.append("graduatesHired", .int(graduatesHired))
        object.append("graduatesRetainedLocally", .int(graduatesRetainedLocally))
        object.append("trainingPersonTimes", .int(trainingPersonTimes))
        object.append("techServices", .int(techServices))
        object.append("techServiceValueFen", .int(techServiceValueFen))
        object.append("orderClassPlaces", .int(orderClassPlaces))
        object.append("orderClassFilled", .int(orderClassFilled))
        object.append(
            "platforms",
            [
                "total": .int(Int64(platforms.total)),
                "byKind": .object(
                    JSONObject(PlatformKind.allCases.map { ($0.rawValue, .int(Int64(platforms.byKind[$0] ?? 0))) })),
                "accepted": .int(Int64(platforms.accepted)),
            ])
        object.append(
            "subsidies",
            .object(
                JSONObject(
                    SubsidyProgramme.allCases.map { programme in
                        let figures = subsidy(programme)
                        return (
                            programme.rawValue,
                            [
                                "budgetFen": .int(figures.budgetFen), "appliedFen": .int(figures.appliedFen),
                                "approvedFen": .int(figures.approvedFen), "paidFen": .int(figures.paidFen),
                                "clawedBackFen": .int(figures.clawedBackFen),
                            ] as JSONValue
                        )
                    })))
        object.append(
            "kpis",
            .array(
                kpis.map { kpi in
                    var entry = JSONObject(minimumCapacity: 4)
                    entry.append("metric", .string(kpi.metric.rawValue))
                    if let memberId = kpi.memberId { entry.append("memberId", .string(memberId)) }
                    entry.append("target", .int(kpi.target))
                    entry.append("actual", .int(kpi.actual))
                    return .object(entry)
                }))
        object.append("inactiveMembers", .array(inactiveMembers.map { .string($0) }))
        return .object(object)
    }

    /// The columns of a year without targets.
    public static var columnNames: [String] {
        empty(year: 0, judgedOn: LocalDate(daysSince1970: 0)).fields.map(\.name)
    }

    /// A programme's figures, zeros when nothing happened under it.
    public func subsidy(_ programme: SubsidyProgramme) -> Subsidy {
        subsidies[programme] ?? Subsidy(budgetFen: 0, appliedFen: 0, approvedFen: 0, paidFen: 0, clawedBackFen: 0)
    }
}
