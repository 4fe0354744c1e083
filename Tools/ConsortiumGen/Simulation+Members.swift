// Members: admission (with credit codes), keys, certification, withdrawal.

extension Simulation {
    // MARK: members

    func secActor() -> [UInt8] {
        if secretariat.count <= 1 || r.chance(0.5) { return mid[Int(lead)] }
        return mid[Int(secretariat[r.below(secretariat.count)])]
    }

    func newMember(_ kind: UInt8, dormant: Bool = false) -> Int32 {
        let idx = Int32(mKind.count)
        kindCount[Int(kind)] += 1
        let n = kindCount[Int(kind)]
        let prefix: String
        let width: Int
        switch kind {
        case MemberCode.government: (prefix, width) = ("gov-", 3)
        case MemberCode.park: (prefix, width) = ("park-", 3)
        case MemberCode.association: (prefix, width) = ("assoc-", 3)
        case MemberCode.enterprise: (prefix, width) = ("ent-", 5)
        case MemberCode.school: (prefix, width) = ("sch-", 4)
        default: (prefix, width) = ("res-", 3)
        }
        var num = String(n)
        while num.count < width { num = "0" + num }
        mid.append(Array((prefix + num).utf8))
        mKind.append(kind)
        mActive.append(false)
        mDormant.append(dormant)
        mIndustry.append(UInt8(r.below(Vocabulary.industries.count)))
        let u = r.unit()
        mSchoolLevel.append(u < 0.4 ? 0 : (u < 0.85 ? 1 : 2))
        mCert.append(0)
        mHasKey.append(false)
        mNum.append(Int32(n))
        return idx
    }

    func memberName(_ m: Int) -> [UInt8] {
        let n = Int(mNum[m])
        let city = Vocabulary.cityNames[(n - 1) % Vocabulary.cityNames.count]
        let s: String
        switch mKind[m] {
        case MemberCode.government:
            s = n == 1 ? "\(city) Municipal Government" : "\(city) Human Resources and Social Security Bureau \(n)"
        case MemberCode.park: s = "\(city) High-tech Industrial Park Management Committee \(n)"
        case MemberCode.association: s = "\(city) Industry Association \(n)"
        case MemberCode.school:
            switch mSchoolLevel[m] {
            case 0: s = "\(city) No. \(n) Secondary Vocational School"
            case 1: s = "\(city) Vocational and Technical College \(n)"
            default: s = "\(city) University of Technology \(n)"
            }
        case MemberCode.enterprise:
            let i = Int(mIndustry[m])
            s =
                "\(Vocabulary.companyWords[(n * 7) % Vocabulary.companyWords.count]) \(Vocabulary.industryNouns[i]) Co., Ltd. \(n)"
        default:
            s = "\(city) Institute of \(Vocabulary.researchFields[n % Vocabulary.researchFields.count]) \(n)"
        }
        return Array(s.utf8)
    }

    func kindString(_ k: UInt8) {
        switch k {
        case MemberCode.government: w.fS(.kind, "government")
        case MemberCode.park: w.fS(.kind, "park")
        case MemberCode.association: w.fS(.kind, "association")
        case MemberCode.enterprise: w.fS(.kind, "enterprise")
        case MemberCode.school: w.fS(.kind, "school")
        default: w.fS(.kind, "research")
        }
    }

    func admit(_ m32: Int32, actor: [UInt8]) {
        let m = Int(m32)
        if mActive[m] { return }
        w.begin("MemberAdmitted", actor: actor)
        w.fB(.memberId, mid[m])
        w.fB(.name, memberName(m))
        kindString(mKind[m])
        if mKind[m] == MemberCode.school {
            switch mSchoolLevel[m] {
            case 0: w.fS(.schoolLevel, "secondary")
            case 1: w.fS(.schoolLevel, "higher-vocational")
            default: w.fS(.schoolLevel, "undergraduate")
            }
        }
        if mKind[m] == MemberCode.enterprise { w.fB(.industry, bIndustries[Int(mIndustry[m])]) }
        if mKind[m] == MemberCode.enterprise || mKind[m] == MemberCode.school {
            let authority = mKind[m] == MemberCode.enterprise ? "91" : "12"
            w.fB(.creditCode, CreditCodes.code(authority: authority, kindDigit: Int(mKind[m]), number: Int(mNum[m])))
        }
        w.end()
        mActive[m] = true
        let k = mKind[m]
        if k == MemberCode.government || k == MemberCode.park || k == MemberCode.association {
            if m32 != lead { secretariat.append(m32) }
            return
        }
        if mDormant[m] {
            dormantAdmitted.append(m32)
            return
        }
        switch k {
        case MemberCode.school: schools.append(m32)
        case MemberCode.enterprise:
            ents.append(m32)
            if r.chance(0.12) { sched(today + rday(20, 150), JobKind.certify, m32) }
        default: research.append(m32)
        }
        if r.chance(0.04) { sched(today + rday(5, 60), JobKind.key, m32) }
    }

    func registerKey(_ m32: Int32) {
        let m = Int(m32)
        guard mActive[m], !mHasKey[m] else { return }
        var raw = [UInt8]()
        raw.reserveCapacity(32)
        for _ in 0..<4 {
            let x = r.next()
            for j in 0..<8 { raw.append(UInt8(truncatingIfNeeded: x >> UInt64(8 * j))) }
        }
        w.begin("MemberKeyRegistered", actor: secActor())
        w.fB(.memberId, mid[m])
        w.fB(.publicKey, Base64.encode(raw))
        w.end()
        mHasKey[m] = true
    }

    func certify(_ m32: Int32) {
        let m = Int(m32)
        guard mActive[m], mKind[m] == MemberCode.enterprise, mCert[m] < 3 else { return }
        let u = r.unit()
        var level: UInt8 = mCert[m] == 0 ? (u < 0.65 ? 1 : (u < 0.93 ? 2 : 3)) : mCert[m] + 1
        if level > 3 { level = 3 }
        w.begin("EnterpriseCertified", actor: secActor())
        w.fB(.memberId, mid[m])
        switch level {
        case 1: w.fS(.level, "city")
        case 2: w.fS(.level, "province")
        default: w.fS(.level, "national")
        }
        w.end()
        mCert[m] = level
    }

    func withdrawMember(_ m32: Int32) {
        let m = Int(m32)
        guard mActive[m], mDormant[m] else { return }
        w.begin("MemberWithdrawn", actor: secActor())
        w.fB(.memberId, mid[m])
        switch r.below(3) {
        case 0: w.fS(.reason, "business relocated out of the region")
        case 1: w.fS(.reason, "ceased operations")
        default: w.fS(.reason, "voluntary withdrawal")
        }
        w.end()
        mActive[m] = false
    }
}
