import ConsortiumLedger

/// Who a request acts for: a member and the role its token grants.
public struct Caller: Sendable, Equatable {
    public var member: String
    public var role: TokenRole
    public var tokenId: String

    public init(member: String, role: TokenRole, tokenId: String) {
        self.member = member
        self.role = role
        self.tokenId = tokenId
    }

    /// May record events (secretariat: any actor the rules allow; member: only as itself).
    var mayWrite: Bool { role == .secretariat || role == .member }
    /// Reads every row of every tier.
    var readsEverything: Bool { role != .member }
    /// May read the log pages and follow the feed.
    var readsLog: Bool { role == .secretariat || role == .auditor }
}
