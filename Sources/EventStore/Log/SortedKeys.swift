import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keys gathered into one buffer and sorted by `memcmp` through raw pointers: sorting arrays
/// of `[UInt8]` retained and released both keys on every comparison (a fifth of a mirror's
/// write time at 50,000 entries per batch).
struct SortedKeys: Sendable {
    var bytes: [UInt8] = []
    var entries: [(start: Int, count: Int, value: UInt64)] = []
    /// Whether `entries` are in key order (`sort()` ran and nothing was added since).
    private(set) var isSorted = false

    init(capacity: Int) {
        entries.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 40)
    }

    /// Whether the key of entry `index` is `key`.
    func key(_ index: Int, is key: UnsafeRawBufferPointer) -> Bool {
        let entry = entries[index]
        guard entry.count == key.count else { return false }
        return bytes.withUnsafeBytes { base in
            guard let origin = base.baseAddress, let other = key.baseAddress else { return key.isEmpty }
            return memcmp(origin + entry.start, other, key.count) == 0
        }
    }

    /// The key of entry `index` without its last `dropped` bytes, lent to `body`.
    func withKey<R>(_ index: Int, droppingLast dropped: Int = 0, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let entry = entries[index]
        return bytes.withUnsafeBytes {
            body(UnsafeRawBufferPointer(rebasing: $0[entry.start..<(entry.start + entry.count - dropped)]))
        }
    }

    /// `text`'s UTF-8, then (with `suffix`) a NUL and the suffix big-endian.
    mutating func add(_ text: String, suffix: UInt64? = nil, value: UInt64) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        finish(start, suffix: suffix, value: value)
    }

    /// `add` for text already in UTF-8.
    mutating func add(_ utf8: UnsafeRawBufferPointer, suffix: UInt64? = nil, value: UInt64) {
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        finish(start, suffix: suffix, value: value)
    }

    private mutating func finish(_ start: Int, suffix: UInt64?, value: UInt64) {
        if let suffix {
            bytes.append(0)
            withUnsafeBytes(of: suffix.bigEndian) { bytes.append(contentsOf: $0) }
        }
        entries.append((start, bytes.count - start, value))
        isSorted = false
    }

    /// Puts the entries in key order (`memcmp` of the keys, then the shorter first), so that a
    /// later `write` only puts; for a thread beside the writer.
    ///
    /// The sort moves plain words (`KeyPrefixSlot`: a key's first 24 bytes, its length and its
    /// position) and calls `memcmp` only for keys that tie on those bytes and go on past them:
    /// comparing every pair through `memcmp` was a sixth of a mirror's check.
    mutating func sort() {
        guard !isSorted else { return }
        bytes.withUnsafeBytes { base in
            guard let origin = base.baseAddress else { return }
            var slots: [KeyPrefixSlot] = []
            slots.reserveCapacity(entries.count)
            for (position, entry) in entries.enumerated() {
                slots.append(KeyPrefixSlot(origin + entry.start, count: entry.count, position: position))
            }
            let entries = self.entries
            slots.sort { a, b in
                if let ordered = a.ordered(before: b) { return ordered }
                let x = entries[a.position]
                let y = entries[b.position]
                let c = memcmp(origin + x.start, origin + y.start, min(x.count, y.count))
                if c != 0 { return c < 0 }
                return x.count != y.count ? x.count < y.count : a.position < b.position
            }
            self.entries = slots.map { entries[$0.position] }
        }
        isSorted = true
    }

    /// Writes the entries in key order through one cursor (each put after the first starts
    /// from the cursor's page instead of the root).
    ///
    /// With `keepingExisting`, a key already in the database (or earlier in this batch) is left
    /// as it is, and it and its value come back in the result instead.
    @discardableResult
    mutating func write(
        to txn: Transaction, _ database: Database, keepingExisting: Bool = false
    ) throws -> [(key: String, value: UInt64)] {
        var existing: [(key: String, value: UInt64)] = []
        sort()
        try bytes.withUnsafeBytes { base in
            guard let origin = base.baseAddress else { return }
            try txn.withCursor(database) { cursor in
                for entry in entries {
                    let key = UnsafeRawBufferPointer(start: origin + entry.start, count: entry.count)
                    do {
                        try cursor.put(key, BigEndianKey(entry.value), flags: keepingExisting ? .noOverwrite : [])
                    } catch let error as LMDBError where keepingExisting && error.code == LMDBError.keyExists {
                        existing.append((String(decoding: key, as: UTF8.self), entry.value))
                    }
                }
            }
        }
        return existing
    }
}
