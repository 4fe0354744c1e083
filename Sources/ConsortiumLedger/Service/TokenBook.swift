import Crypto
import Domain
import Foundation
import LMDB

/// The ledger's service tokens, in their own LMDB database beside the log (`service.tokens`),
/// keyed by the SHA-256 of the secret. Secrets never enter the event log (which is exported
/// and mirrored), and a copy of the ledger directory holds no usable token.
///
/// Open one per process with `ledger.tokenBook()` and keep it (it holds the database handle).
public struct TokenBook: Sendable {
    let ledger: Ledger
    let database: Database
    /// Tokens already decoded, keyed by their stored bytes: every request is verified, and
    /// decoding the same JSON each time was most of the check. Keyed by content, so a revoked
    /// or changed token (other bytes) is never answered from here.
    private let decoded = Locked<[[UInt8]: ServiceToken]>([:])
    private static let decodedLimit = 4096

    init(ledger: Ledger) throws {
        self.ledger = ledger
        database = try ledger.store.environment.openDatabase("service.tokens")
    }

    /// Creates a token for `member` with `role` and returns it with its secret (256 random bits,
    /// base64url), which is shown once and never stored.
    public func issue(member: String, role: TokenRole, expires: String?, label: String?) throws
        -> (token: ServiceToken, secret: String)
    {
        guard !member.isEmpty, member.utf8.count <= 200, !member.contains(where: \.isWhitespace) else {
            throw LedgerError(.invalidInput, "--member: expected a member id, got \"\(member)\"")
        }
        if let expires, LocalDate(iso: expires) == nil {
            throw LedgerError(.invalidInput, "--expires: expected a date YYYY-MM-DD, got \"\(expires)\"")
        }
        var generator = SystemRandomNumberGenerator()
        let secretBytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let secret = "clt_" + Self.base64URL(secretBytes)
        let idBytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = ServiceToken(
            id: Self.hex(idBytes), member: member, role: role, label: label,
            expires: expires, createdAt: Self.isoNow(), sha256: Self.hex(Self.digest(secret)))
        try put(token)
        return (token, secret)
    }

    /// Every token, oldest first.
    public func list() throws -> [ServiceToken] {
        let all = try ledger.store.environment.read { txn in
            try txn.withCursor(database) { cursor -> [ServiceToken] in
                var out: [ServiceToken] = []
                var entry = try cursor.first()
                while let current = entry {
                    out.append(try JSONDecoder().decode(ServiceToken.self, from: Data(current.value)))
                    entry = try cursor.next()
                }
                return out
            }
        }
        return all.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Marks the token with `id` revoked (kept, so `token list` shows it); false if none has it.
    @discardableResult
    public func revoke(id: String) throws -> Bool {
        guard var token = try list().first(where: { $0.id == id }) else { return false }
        token.revoked = true
        try put(token)
        return true
    }

    /// Checks a presented secret: known, not revoked, not expired on `today`, and its member
    /// not withdrawn — one read snapshot for the token and the member.
    public func verify(secret: String, today: String = TokenBook.todayText()) throws -> TokenVerdict {
        let key = Self.digest(secret)
        guard
            let token = try ledger.store.environment.read({ txn -> ServiceToken? in
                try txn.get(database, key).map { try decode(Array($0)) }
            })
        else { return .unknown }
        if token.revoked { return .revoked(token) }
        if token.isExpired(on: today) { return .expired(token) }
        if let status = try ledger.memberStatus(token.member), !status.isActive { return .memberWithdrawn(token) }
        return .accepted(token)
    }

    private func decode(_ stored: [UInt8]) throws -> ServiceToken {
        if let token = decoded.withLock({ $0[stored] }) { return token }
        let token = try JSONDecoder().decode(ServiceToken.self, from: Data(stored))
        decoded.withLock { cache in
            if cache.count >= Self.decodedLimit { cache.removeAll(keepingCapacity: true) }
            cache[stored] = token
        }
        return token
    }

    /// Records that `token` was used now. A synced write, so callers throttle it.
    public func touch(_ token: ServiceToken) throws {
        try ledger.store.environment.write { txn in
            let stored = Self.bytes(hex: token.sha256)
            guard let raw = try txn.get(database, stored) else { return }
            var current = try JSONDecoder().decode(ServiceToken.self, from: Data(raw))
            current.lastUsed = Self.isoNow()
            try txn.put(database, stored, Array(try JSONEncoder().encode(current)))
        }
    }

    private func put(_ token: ServiceToken) throws {
        let encoded = Array(try JSONEncoder().encode(token))
        try ledger.store.environment.write { txn in
            try txn.put(database, Self.bytes(hex: token.sha256), encoded)
        }
    }

    /// Today in UTC as `YYYY-MM-DD`. From the clock's day number, not a date formatter: every
    /// request's token check asks, and building an `ISO8601DateFormatter` each time was a third
    /// of the server's CPU under 64 appending clients.
    public static func todayText() -> String { LocalDate.today.description }

    static func digest(_ secret: String) -> [UInt8] { Array(SHA256.hash(data: Data(secret.utf8))) }

    static func isoNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8 = c >= UInt8(ascii: "a") ? c - UInt8(ascii: "a") + 10 : c - UInt8(ascii: "0")
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return out
    }
}

extension Ledger {
    /// The token book of this ledger (creates its database on first use).
    public func tokenBook() throws -> TokenBook { try TokenBook(ledger: self) }
}
