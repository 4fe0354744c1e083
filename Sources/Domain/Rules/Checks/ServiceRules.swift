// Training and technical services.

extension RuleEngine {
    /// A provider reports its own services. A named recipient must exist but may since have
    /// withdrawn (the service was still delivered).
    func deliver(_ e: TrainingDelivered, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try actor.mustBeConcerned(actor.id == e.providerId, "a member reports only services it provides")
        _ = try s.activeMember(e.providerId, field: "data.providerId", actor: actor)
        if let recipientId = e.recipientId { try s.existingMember(recipientId, field: "data.recipientId") }
        return .none
    }

    func deliver(_ e: TechServiceDelivered, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try actor.mustBeConcerned(actor.id == e.providerId, "a member reports only services it provides")
        _ = try s.activeMember(e.providerId, field: "data.providerId", actor: actor)
        try s.existingMember(e.clientId, field: "data.clientId")
        return .none
    }
}
