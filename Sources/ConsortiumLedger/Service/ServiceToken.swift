import Foundation

/// What a bearer token lets its holder do (see docs/SERVICE.md, Who may call).
public enum TokenRole: String, Sendable, CaseIterable, Codable {
    /// Write any event (the rules still apply) and read everything.
    case secretariat
    /// Write events whose actor is its own member id; read what is its own.
    case member
    /// Read every tier.
    case council
    /// Read everything, the log and the feed included.
    case auditor
}

/// A token as the ledger keeps it: never the secret, only its SHA-256.
public struct ServiceToken: Sendable, Equatable, Codable {
    /// Short public handle (`ledger token list`, `revoke`), not usable to authenticate.
    public var id: String
    public var member: String
    public var role: TokenRole
    public var label: String?
    /// Last day the token works (UTC, inclusive), `YYYY-MM-DD`.
    public var expires: String?
    public var createdAt: String
    /// When it last authenticated a request (updated at most once a minute).
    public var lastUsed: String?
    public var revoked: Bool
    /// Hex SHA-256 of the secret.
    public var sha256: String

    public init(
        id: String, member: String, role: TokenRole, label: String?, expires: String?, createdAt: String,
        lastUsed: String? = nil, revoked: Bool = false, sha256: String
    ) {
        self.id = id
        self.member = member
        self.role = role
        self.label = label
        self.expires = expires
        self.createdAt = createdAt
        self.lastUsed = lastUsed
        self.revoked = revoked
        self.sha256 = sha256
    }

    /// Whether the token is past its last day on `date` (`YYYY-MM-DD`, compared as text).
    public func isExpired(on date: String) -> Bool {
        guard let expires else { return false }
        return date > expires
    }
}

/// The outcome of presenting a secret.
public enum TokenVerdict: Sendable, Equatable {
    case accepted(ServiceToken)
    /// No token has this secret (a guess, a typo, or one from another ledger).
    case unknown
    case revoked(ServiceToken)
    case expired(ServiceToken)
    /// The token's member has withdrawn from the consortium.
    case memberWithdrawn(ServiceToken)
}
