import Domain

/// Projection stores key their dictionaries by the domain's `ByteKey` (inline, memcmp-ordered).
typealias StoreKey = ByteKey
