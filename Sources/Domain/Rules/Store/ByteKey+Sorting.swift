extension ByteKey {
    /// `keys` in ascending order (the order of `<`, which is LMDB's).
    ///
    /// Sorting the keys themselves moves 48-byte values that hold a reference (the spilled
    /// bytes), so every move retains and releases; a replayed read model has close to a million
    /// keys, and that sort was a quarter of replay's main thread. Here the sort moves plain
    /// words: each key's first 32 bytes, its length and its position, and only keys whose first
    /// 32 bytes tie and that are longer than that are compared in full.
    public static func ascending(_ keys: some Collection<ByteKey>) -> [ByteKey] {
        let all = Array(keys)
        return ascendingOrder(all).map { all[$0] }
    }

    /// `pairs` in ascending order of their keys (equal keys in the order given), by the same
    /// word sort: for values gathered beside their keys, so that no key is looked up again.
    public static func ascending<Value>(pairs: some Sequence<(key: ByteKey, value: Value)>) -> [(
        key: ByteKey, value: Value
    )] {
        let all = Array(pairs)
        return ascendingOrder(all.map(\.key)).map { all[$0] }
    }

    /// The positions of `all` in ascending key order (equal keys in their order in `all`): for
    /// a caller that sorts values kept beside the keys, by the same word sort as `ascending`.
    public static func ascendingOrder(_ all: [ByteKey]) -> [Int] {
        var slots: [SortSlot] = []
        slots.reserveCapacity(all.count)
        for (position, key) in all.enumerated() {
            if let spilled = key.spilled {
                let head = ByteKey(Array(spilled.prefix(inlineCapacity)))
                slots.append(SortSlot(head, length: key.length, position: position))
            } else {
                slots.append(SortSlot(key, length: key.length, position: position))
            }
        }
        slots.sort { lhs, rhs in
            if lhs.w0 != rhs.w0 { return lhs.w0 < rhs.w0 }
            if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
            if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
            if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
            // Equal first 32 bytes (zero-padded): the shorter key first, as `<` does, unless a
            // key goes on past them and only its bytes can tell.
            if lhs.length != rhs.length, lhs.length <= inlineCapacity && rhs.length <= inlineCapacity {
                return lhs.length < rhs.length
            }
            if lhs.length > inlineCapacity || rhs.length > inlineCapacity {
                let (a, b) = (all[lhs.position], all[rhs.position])
                if a != b { return a < b }
            }
            return lhs.position < rhs.position
        }
        return slots.map(\.position)
    }

    /// A key's sort fields without the reference: trivially copied while sorting.
    private struct SortSlot {
        let w0: UInt64
        let w1: UInt64
        let w2: UInt64
        let w3: UInt64
        let length: Int
        let position: Int

        init(_ head: ByteKey, length: Int, position: Int) {
            (w0, w1, w2, w3) = (head.w0, head.w1, head.w2, head.w3)
            self.length = length
            self.position = position
        }
    }
}
