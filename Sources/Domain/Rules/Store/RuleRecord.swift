/// One value of the rule state: either bytes as a store keeps them, or the entity the engine
/// decoded or wrote, kept decoded.
///
/// Why: an audit or an import reads the same classes, claims and apprentices over and over,
/// and decoding each on every read and encoding it on every write was a fifth of the rule
/// engine's time. An in-memory store keeps what the engine wrote as the entity itself, and
/// encodes only when somebody asks for bytes (a flush to LMDB, a test comparing states).
public struct RuleRecord: Sendable {
    /// One case per entity type: the engine takes its entity out with a pattern match, without
    /// a dynamic cast or an existential. Entities wider than a few words are boxed (`indirect`):
    /// inline, the widest (a claim, ~90 bytes) would set the size of every slot of the
    /// dictionaries that hold records, and an import's overlay holds the whole rule state.
    enum Storage: Sendable {
        /// As stored: not decoded yet, or not an entity (a credit code's holder, a marker).
        case bytes([UInt8])
        indirect case consortium(ConsortiumEntity)
        case member(MemberEntity)
        indirect case memberKey(MemberKeyEntity)
        indirect case agreement(AgreementEntity)
        indirect case orderClass(ClassEntity)
        indirect case person(PersonEntity)
        case budget(BudgetEntity)
        indirect case claim(ClaimEntity)
        indirect case platform(PlatformEntity)
        indirect case project(ProjectEntity)
    }

    let storage: Storage

    /// A value as a store holds it.
    public init(bytes: [UInt8]) {
        storage = .bytes(bytes)
    }

    init(_ storage: Storage) {
        self.storage = storage
    }

    /// The value's stored form: the same bytes whether it was kept as bytes or as an entity.
    public var bytes: [UInt8] {
        switch storage {
        case .bytes(let bytes): return bytes
        case .consortium(let entity): return entity.encoded
        case .member(let entity): return entity.encoded
        case .memberKey(let entity): return entity.encoded
        case .agreement(let entity): return entity.encoded
        case .orderClass(let entity): return entity.encoded
        case .person(let entity): return entity.encoded
        case .budget(let entity): return entity.encoded
        case .claim(let entity): return entity.encoded
        case .platform(let entity): return entity.encoded
        case .project(let entity): return entity.encoded
        }
    }
}

extension RuleRecord: Equatable {
    /// Equal when the stored forms are: an entity equals the bytes it encodes to.
    public static func == (lhs: RuleRecord, rhs: RuleRecord) -> Bool {
        lhs.bytes == rhs.bytes
    }
}
