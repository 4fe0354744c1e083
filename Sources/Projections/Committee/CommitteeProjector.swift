import Domain

/// Per school–enterprise pair: agreements, classes, the apprentice funnel, mentoring,
/// assessments, hires and subsidies paid for the pair's apprentices.
///
/// A pair's apprentices are those enrolled in classes under the pair's agreements; the
/// projector follows class → agreement → pair at enrolment and remembers each person's pair.
public struct CommitteeProjector: Projector {
    public static let name = "committee"
    /// 2: pass rate per apprentice (latest assessment), the `latestPassed` flag and slot.
    public static let version = 2

    public init() {}

    public func apply(_ event: DomainEvent, envelope: EventContext, to store: inout some ProjectionStore) throws {
        switch event {
        case .agreementSigned(let e):
            let pair = CommitteeLayout.pairKey(school: e.schoolId, enterprise: e.enterpriseId)
            try store.put(KeyBytes.make(CommitteeLayout.agreement, e.agreementId), pair)
            try store.put(
                CommitteeLayout.termKey(pair: pair, agreementId: e.agreementId),
                AgreementTerm(startsOn: e.startsOn, endsOn: e.endsOn).encoded)
            try store.updateCounters(at: CommitteeLayout.prefixed(CommitteeLayout.figures, pair), slots: PairSlot.count)
            { _ in }
        case .agreementAmended(let e):
            guard let endsOn = e.endsOn else { return }
            try updateTerm(e.agreementId, in: &store) { $0.endsOn = endsOn }
        case .agreementTerminated(let e):
            try updateTerm(e.agreementId, in: &store) { term in
                if term.terminatedOn == nil { term.terminatedOn = envelope.occurredOn }
            }
        case .orderClassOpened(let e):
            guard let pair = try store.get(KeyBytes.make(CommitteeLayout.agreement, e.agreementId)) else { return }
            try store.put(KeyBytes.make(CommitteeLayout.orderClass, e.classId), pair)
            try store.add(
                Int64(e.capacity), slot: PairSlot.capacity, of: PairSlot.count,
                at: CommitteeLayout.prefixed(CommitteeLayout.figures, pair), figure: "classes.capacity",
                field: "data.capacity")
        case .apprenticeEnrolled(let e):
            try enrol(e, in: &store)
        case .mentorAssigned(let e):
            let side: PersonFlags = e.side == .school ? .schoolMentor : .enterpriseMentor
            try advance(e.personId, setting: side, in: &store) { old, new, c in
                if !old.isSuperset(of: .bothMentors) && new.isSuperset(of: .bothMentors) {
                    c[PairSlot.dualMentored] &+= 1
                }
            }
        case .internshipPlaced(let e):
            try reach(e.personId, .placed, PairSlot.placed, in: &store)
        case .apprenticeAssessed(let e):
            // The pass rate counts people by their latest result: a retake that passes turns a
            // failed apprentice into a passed one instead of adding a second sitting.
            try advance(
                e.personId, setting: e.passed ? [.assessed, .latestPassed] : .assessed,
                clearing: e.passed ? [] : .latestPassed, in: &store, always: true
            ) { old, new, c in
                if !old.contains(.assessed) { c[PairSlot.assessed] &+= 1 }
                c[PairSlot.assessments] &+= 1
                if e.passed { c[PairSlot.passedAssessments] &+= 1 }
                let wasPassed = old.contains(.latestPassed)
                let isPassed = new.contains(.latestPassed)
                if isPassed != wasPassed { c[PairSlot.passedApprentices] &+= isPassed ? 1 : -1 }
            }
        case .certificateAwarded(let e):
            try reach(e.personId, .certified, PairSlot.certified, in: &store)
        case .apprenticeWithdrawn(let e):
            try reach(e.personId, .withdrawn, PairSlot.withdrawn, in: &store)
        case .apprenticeGraduated(let e):
            try reach(e.personId, .graduated, PairSlot.graduated, in: &store)
        case .graduateHired(let e):
            let hire: PersonFlags = e.local ? [.hired, .hiredLocally] : .hired
            try advance(e.personId, setting: hire, in: &store) { old, new, c in
                if !old.contains(.hired) { c[PairSlot.hired] &+= 1 }
                if !old.contains(.hiredLocally) && new.contains(.hiredLocally) { c[PairSlot.hiredLocally] &+= 1 }
            }
        case .subsidyApplied(let e):
            guard let personId = e.personId else { return }
            try store.put(KeyBytes.make(CommitteeLayout.claim, e.claimId), Array(personId.utf8))
        case .subsidyPaid(let e):
            try recordPayment(e, in: &store)
        case .consortiumChartered, .memberAdmitted, .memberWithdrawn, .enterpriseCertified,
            .councilResolutionPassed, .kpiTargetSet, .demandListPublished, .employmentVerified,
            .platformCreated, .contributionRecorded, .platformAccepted, .platformRejected,
            .projectCreated, .milestoneReported, .projectClosed, .budgetAllocated, .subsidyApproved,
            .subsidyClawedBack, .trainingDelivered, .techServiceDelivered, .memberKeyRegistered,
            .memberKeyRevoked:
            return
        }
    }

    /// Joins the person to the pair of the class; moving to another pair starts a new funnel.
    private func enrol(_ e: ApprenticeEnrolled, in store: inout some ProjectionStore) throws {
        guard let pair = try store.get(KeyBytes.make(CommitteeLayout.orderClass, e.classId)) else { return }
        let personKey = KeyBytes.make(CommitteeLayout.person, e.personId)
        let samePair = try store.get(personKey).flatMap(PersonRecord.init).map { $0.pair.elementsEqual(pair) } ?? false
        if !samePair {
            try store.put(personKey, PersonRecord(flags: .enrolled, pair: pair[...]).encoded)
        }
        try store.updateCounters(at: CommitteeLayout.prefixed(CommitteeLayout.figures, pair), slots: PairSlot.count) {
            c in
            c[PairSlot.classEnrolled] &+= 1
            if !samePair { c[PairSlot.enrolled] &+= 1 }
        }
    }

    private func reach(_ personId: String, _ flag: PersonFlags, _ slot: Int, in store: inout some ProjectionStore)
        throws
    {
        try advance(personId, setting: flag, in: &store) { _, _, c in c[slot] &+= 1 }
    }

    /// Sets `bits` on the person's flags in place and, when something changed (or when
    /// `always`), lets `count` update the pair's counters with the old and new flags.
    private func advance(
        _ personId: String, setting bits: PersonFlags, clearing cleared: PersonFlags = [],
        in store: inout some ProjectionStore, always: Bool = false,
        _ count: (_ old: PersonFlags, _ new: PersonFlags, CounterSlots) -> Void
    ) throws {
        let touched = try store.update(KeyBytes.make(CommitteeLayout.person, personId)) {
            value -> (PersonFlags, StoreKey)? in
            value?.withUnsafeMutableBufferPointer { bytes -> (PersonFlags, StoreKey)? in
                guard bytes.count >= 2 else { return nil }
                let old = PersonFlags(high: bytes[0], low: bytes[1])
                let new = old.subtracting(cleared).union(bits)
                guard new != old || always else { return nil }
                bytes[0] = new.high
                bytes[1] = new.low
                return (old, CommitteeLayout.prefixed(CommitteeLayout.figures, bytes[2...]))
            } ?? nil
        }
        guard let (old, figuresKey) = touched else { return }
        try store.updateCounters(at: figuresKey, slots: PairSlot.count) { c in
            count(old, old.subtracting(cleared).union(bits), c)
        }
    }

    /// Paid money counts for the pair the claim's person belongs to at payment time.
    private func recordPayment(_ e: SubsidyPaid, in store: inout some ProjectionStore) throws {
        guard let personId = try store.get(KeyBytes.make(CommitteeLayout.claim, e.claimId)) else { return }
        let personKey = CommitteeLayout.prefixed(CommitteeLayout.person, personId)
        guard let person = try store.get(personKey), person.count >= 2 else { return }
        // The figures key straight from the stored person (flags, then the pair key).
        let figuresKey = CommitteeLayout.prefixed(CommitteeLayout.figures, person[2...])
        try store.add(
            e.amountFen, slot: PairSlot.subsidiesPaidFen, of: PairSlot.count, at: figuresKey,
            figure: "subsidiesPaidFen",
            field: "data.amountFen")
    }

    private func updateTerm(
        _ agreementId: String, in store: inout some ProjectionStore, _ change: (inout AgreementTerm) -> Void
    ) throws {
        guard let pair = try store.get(KeyBytes.make(CommitteeLayout.agreement, agreementId)) else { return }
        try store.update(CommitteeLayout.termKey(pair: pair, agreementId: agreementId)) { value in
            guard let bytes = value else { return }
            var term = try AgreementTerm(bytes)
            change(&term)
            value = term.encoded
        }
    }
}
