// Each entity type's case of `RuleRecord.Storage`: how it goes into a record and comes out.

extension ConsortiumEntity {
    var record: RuleRecord { RuleRecord(.consortium(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .consortium(let entity) = storage { entity } else { nil }
    }
}

extension MemberEntity {
    var record: RuleRecord { RuleRecord(.member(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .member(let entity) = storage { entity } else { nil }
    }
}

extension MemberKeyEntity {
    var record: RuleRecord { RuleRecord(.memberKey(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .memberKey(let entity) = storage { entity } else { nil }
    }
}

extension AgreementEntity {
    var record: RuleRecord { RuleRecord(.agreement(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .agreement(let entity) = storage { entity } else { nil }
    }
}

extension ClassEntity {
    var record: RuleRecord { RuleRecord(.orderClass(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .orderClass(let entity) = storage { entity } else { nil }
    }
}

extension PersonEntity {
    var record: RuleRecord { RuleRecord(.person(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .person(let entity) = storage { entity } else { nil }
    }
}

extension BudgetEntity {
    var record: RuleRecord { RuleRecord(.budget(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .budget(let entity) = storage { entity } else { nil }
    }
}

extension ClaimEntity {
    var record: RuleRecord { RuleRecord(.claim(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .claim(let entity) = storage { entity } else { nil }
    }
}

extension PlatformEntity {
    var record: RuleRecord { RuleRecord(.platform(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .platform(let entity) = storage { entity } else { nil }
    }
}

extension ProjectEntity {
    var record: RuleRecord { RuleRecord(.project(self)) }
    static func unwrap(_ storage: RuleRecord.Storage) -> Self? {
        if case .project(let entity) = storage { entity } else { nil }
    }
}
