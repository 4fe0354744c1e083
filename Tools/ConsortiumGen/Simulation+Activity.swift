// Daily activity: services, demand lists, platforms, projects.

extension Simulation {
    // MARK: daily activity: services, demand lists, platforms, projects

    func daily() {
        let y = CivilDate.yearOf(today)
        let yi = y - plan.startYear
        let g = growth(y) * s
        let wd = CivilDate.weekday(today)
        let wf = (wd == 0 || wd == 6) ? 0.25 : 1.0
        let norm = 1.0 / 365.0 / (5.5 / 7.0)
        for _ in 0..<r.count(5000 * g * norm * wf) { training() }
        for _ in 0..<r.count(720 * g * norm * wf) { techService() }
        let m = CivilDate.civil(today).m
        if m >= 3 && m <= 5 { for _ in 0..<r.count(0.45 * Double(ents.count) / 92.0) { demandList(y) } }
        if yi > 0 || m >= 3 { for _ in 0..<r.count(40 * g / 365) { createPlatform() } }
        if yi > 0 || m >= 4 { for _ in 0..<r.count(25 * g / 365) { createProject() } }
        sched(today + 1, JobKind.daily)
    }

    func training() {
        let provider = r.chance(0.88) ? pick(schools) : pick(research)
        guard let pr = provider else { return }
        w.begin("TrainingDelivered", actor: mid[Int(pr)])
        w.fB(.providerId, mid[Int(pr)])
        let u = r.unit()
        w.fInt(.personTimes, u < 0.8 ? r.range(20, 120) : r.range(120, 600))
        w.fB(.topic, bTopics[r.below(bTopics.count)])
        if r.chance(0.6), let e = pick(ents) { w.fB(.recipientId, mid[Int(e)]) }
        w.end()
    }

    func techService() {
        let provider = r.chance(0.75) ? pick(schools) : pick(research)
        guard let pr = provider, let e = pick(ents) else { return }
        w.begin("TechServiceDelivered", actor: mid[Int(pr)])
        w.fB(.providerId, mid[Int(pr)])
        w.fB(.clientId, mid[Int(e)])
        w.fInt(.valueFen, 10_000 * (r.chance(0.8) ? r.range(200, 1500) : r.range(1500, 5000)))
        w.end()
    }

    func demandList(_ y: Int) {
        guard let e = pick(ents) else { return }
        let occ = bOccupations[Int(mIndustry[Int(e)])]
        w.begin("DemandListPublished", actor: mid[Int(e)])
        w.fId(.listId, "DL", nextList, 6)
        nextList += 1
        w.fB(.enterpriseId, mid[Int(e)])
        w.fInt(.year, r.chance(0.8) ? y : y + 1)
        w.key(.items)
        w.open(91)
        let n = r.range(1, min(3, occ.count))
        let startOcc = r.below(occ.count)
        for i in 0..<n {
            if i > 0 { w.b(44) }
            w.open(123)
            w.nkey("occupation", first: true)
            w.vB(occ[(startOcc + i) % occ.count])
            w.nkey("headcount", first: false)
            w.int(r.chance(0.85) ? r.range(2, 20) : r.range(20, 80))
            w.close(125)
        }
        w.close(93)
        w.endKey()
        w.end()
    }

    func createPlatform() {
        guard let sc = pick(schools), let e1 = pick(ents) else { return }
        let u = r.unit()
        let kind = u < 0.55 ? 0 : (u < 0.7 ? 1 : (u < 0.82 ? 2 : (u < 0.88 ? 3 : 4)))
        var members: [Int32] = []
        let budget: Int
        switch kind {
        case 0:
            members = [sc, e1]
            budget = r.range(50, 500)
        case 1:
            members = [sc, (r.chance(0.5) ? pick(research) : nil) ?? e1]
            budget = r.range(100, 800)
        case 2:
            members = [sc, e1]
            budget = r.range(30, 300)
        case 3:
            members = [sc, e1]
            for _ in 0..<r.range(1, 3) {
                if let e = pick(ents), !members.contains(e) { members.append(e) }
            }
            budget = r.range(500, 3000)
        default:
            members = [pick(research) ?? sc, e1]
            if let e = pick(ents), !members.contains(e), r.chance(0.5) { members.append(e) }
            budget = r.range(200, 2000)
        }
        let planned = budget * 10_000_000 / 10  // budget is in units of ¥10k → fen
        let pl = platforms.count
        platforms.append(Platform(members: members, state: 0))
        w.begin("PlatformCreated", actor: r.chance(0.05) ? secActor() : mid[Int(members[r.below(members.count)])])
        w.fId(.platformId, "PL", pl + 1, 5)
        let nameCity = Vocabulary.cityNames[pl % Vocabulary.cityNames.count]
        let kindName: String
        switch kind {
        case 0:
            w.fS(.kind, "trainingBase")
            kindName = "Training Base"
        case 1:
            w.fS(.kind, "lab")
            kindName = "Joint Lab"
        case 2:
            w.fS(.kind, "craftsmanLab")
            kindName = "Craftsman Lab"
        case 3:
            w.fS(.kind, "industryCollege")
            kindName = "Industry College"
        default:
            w.fS(.kind, "rdCenter")
            kindName = "R&D Center"
        }
        let majorList = bMajors[Int(mIndustry[Int(e1)])]
        var name = Array("\(nameCity) ".utf8)
        name += majorList[r.below(majorList.count)]
        name += Array(" \(kindName) \(pl + 1)".utf8)
        w.fB(.name, name)
        w.key(.memberIds)
        w.open(91)
        for (i, m) in members.enumerated() {
            if i > 0 { w.b(44) }
            w.vB(mid[Int(m)])
        }
        w.close(93)
        w.endKey()
        w.fInt(.plannedBudgetFen, planned)
        w.end()
        let decideDay = today + rday(180, 400)
        let d = r.unit()
        if d < 0.75 {
            sched(decideDay, JobKind.decide, Int32(pl), 1)
        } else if d < 0.85 {
            sched(decideDay, JobKind.decide, Int32(pl), 2)
        }
        for (i, _) in members.enumerated() {
            for _ in 0..<r.range(1, 3) { sched(rday(today + 10, decideDay - 1), JobKind.contrib, Int32(pl), Int32(i)) }
        }
        recentPlatforms.append(Int32(pl))
        if recentPlatforms.count > 400 { recentPlatforms.removeFirst(100) }
    }

    func contribute(_ pl: Int, _ i: Int) {
        guard platforms[pl].state != 2 else { return }
        let m = Int(platforms[pl].members[i])
        guard mActive[m] else { return }
        w.begin("ContributionRecorded", actor: r.chance(0.03) ? secActor() : mid[m])
        w.fId(.platformId, "PL", pl + 1, 5)
        w.fB(.memberId, mid[m])
        let u = r.unit()
        if mKind[m] == MemberCode.school {
            w.fS(.kind, u < 0.5 ? "site" : (u < 0.8 ? "staff" : "cash"))
        } else {
            w.fS(.kind, u < 0.45 ? "equipment" : (u < 0.8 ? "cash" : (u < 0.9 ? "staff" : "site")))
        }
        w.fInt(.valueFen, 100_000 * r.range(50, 5000))
        w.end()
    }

    func decide(_ pl: Int, _ outcome: Int32) {
        guard platforms[pl].state == 0 else { return }
        if outcome == 1 {
            w.begin("PlatformAccepted", actor: secActor())
            w.fId(.platformId, "PL", pl + 1, 5)
            w.end()
            platforms[pl].state = 1
        } else {
            w.begin("PlatformRejected", actor: secActor())
            w.fId(.platformId, "PL", pl + 1, 5)
            w.fS(
                .reason,
                r.chance(0.5) ? "acceptance review failed: equipment not installed" : "insufficient matched funding")
            w.end()
            platforms[pl].state = 2
        }
    }

    func createProject() {
        var platform = -1
        var lead: Int32
        if r.chance(0.6), let pl = pick(recentPlatforms), platforms[Int(pl)].state != 2 {
            platform = Int(pl)
            let ms = platforms[platform].members
            lead = ms[r.below(ms.count)]
        } else {
            let u = r.unit()
            guard let l = (u < 0.5 ? pick(schools) : (u < 0.85 ? pick(ents) : pick(research))) ?? pick(schools) else {
                return
            }
            lead = l
        }
        guard mActive[Int(lead)] else { return }
        let pj = projects.count
        projects.append(Project(lead: lead, closed: false))
        let starts = today + rday(0, 30)
        let ends = starts + 30 * r.range(12, 30)
        let n = r.range(3, 6)
        w.begin("ProjectCreated", actor: mid[Int(lead)])
        w.fId(.projectId, "PJ", pj + 1, 5)
        w.key(.title)
        let q = w.quoted
        if q { w.b(34) }
        w.bytes(bProjects[r.below(bProjects.count)])
        w.put(" ")
        w.int(pj + 1)
        if q { w.b(34) }
        w.endKey()
        if platform >= 0 { w.fId(.platformId, "PL", platform + 1, 5) }
        w.fB(.leadMemberId, mid[Int(lead)])
        w.fInt(.budgetFen, 1_000_000 * r.range(20, 500))
        w.fDate(.startsOn, starts)
        w.fDate(.endsOn, ends)
        w.key(.milestones)
        w.open(91)
        let closeDay = ends + rday(5, 40)
        for i in 0..<n {
            let due = starts + (ends - starts) * (i + 1) / n
            if i > 0 { w.b(44) }
            w.open(123)
            w.nkey("milestoneId", first: true)
            vMilestone(pj, i)
            w.nkey("title", first: false)
            w.vB(bMilestones[min(i, bMilestones.count - 1)])
            w.nkey("dueOn", first: false)
            w.vDate(due)
            w.close(125)
            let u = r.unit()
            if u < 0.75 {
                sched(rday(max(today + 1, due - 30), due), JobKind.milestone, Int32(pj), Int32(i))
            } else if u < 0.85 {
                sched(rday(due + 1, min(due + 60, closeDay - 1)), JobKind.milestone, Int32(pj), Int32(i))
            }
        }
        w.close(93)
        w.endKey()
        w.end()
        sched(closeDay, JobKind.closeProject, Int32(pj))
    }

    func reportMilestone(_ pj: Int, _ i: Int) {
        guard !projects[pj].closed else { return }
        w.begin("MilestoneReported", actor: mid[Int(projects[pj].lead)])
        w.fId(.projectId, "PJ", pj + 1, 5)
        w.key(.milestoneId)
        vMilestone(pj, i)
        w.endKey()
        w.end()
    }

    func vMilestone(_ pj: Int, _ i: Int) {
        let q = w.quoted
        if q { w.b(34) }
        w.put("PJ")
        w.pad(pj + 1, 5)
        w.put("-M")
        w.int(i + 1)
        if q { w.b(34) }
    }

    func closeProject(_ pj: Int) {
        guard !projects[pj].closed else { return }
        projects[pj].closed = true
        w.begin("ProjectClosed", actor: secActor())
        w.fId(.projectId, "PJ", pj + 1, 5)
        let u = r.unit()
        w.fS(.outcome, u < 0.8 ? "completed" : (u < 0.95 ? "completed with deviations" : "terminated early"))
        w.end()
    }
}
