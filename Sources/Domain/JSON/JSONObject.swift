/// A JSON object that remembers the order its keys were written in.
///
/// Import lines are echoed back and exported, and a secretary comparing files expects to
/// see her keys where she put them. Event payloads have a handful of keys, so lookup is a
/// linear scan over short strings (faster than hashing); large objects get a hash index.
public struct JSONObject: Sendable {
    /// One member. Keys and values live side by side in one array: one allocation per
    /// object instead of two, which matters when parsing a million lines a second.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var members: [Member]
    private var index: [String: Int]?

    /// Past this many keys a hash index pays for itself.
    private static let indexThreshold = 24

    public init() {
        members = []
    }

    public init(minimumCapacity: Int) {
        members = []
        members.reserveCapacity(minimumCapacity)
    }

    /// Builds an object from pairs; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init(minimumCapacity: pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    /// The keys in order.
    public var keys: [String] { members.map(\.key) }
    /// The values in key order.
    public var values: [JSONValue] { members.map(\.value) }

    /// The position of `key`, if present. Lengths are compared first: most keys differ
    /// in length, and that test is far cheaper than a full string comparison.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        let length = key.utf8.count
        for i in members.indices where members[i].key.utf8.count == length && members[i].key == key { return i }
        return nil
    }

    /// Reading returns `nil` when absent; writing `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return members[i].value
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    members[i].value = newValue
                } else {
                    members.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Appends a key the caller knows is not present yet (the parser checks duplicates itself).
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
        if index != nil {
            index?[key] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built = [String: Int](minimumCapacity: members.count)
        for (i, member) in members.enumerated() { built[member.key] = i }
        index = built
    }

    /// The members with keys sorted by their UTF-8 bytes, which is the canonical order.
    public func sortedByKey() -> JSONObject {
        var sorted = JSONObject(minimumCapacity: count)
        for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            sorted.append(member.key, member.value)
        }
        return sorted
    }
}

extension JSONObject: Sequence {
    public struct Iterator: IteratorProtocol {
        let object: JSONObject
        var position = 0

        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < object.members.count else { return nil }
            defer { position += 1 }
            let member = object.members[position]
            return (member.key, member.value)
        }
    }

    public func makeIterator() -> Iterator { Iterator(object: self) }
}

extension JSONObject: Equatable {
    /// Objects are equal when they hold the same members, whatever their order,
    /// as JSON itself defines it.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.members == rhs.members { return true }
        for (key, value) in lhs {
            guard rhs[key] == value else { return false }
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(minimumCapacity: elements.count)
        for (key, value) in elements { self[key] = value }
    }
}
