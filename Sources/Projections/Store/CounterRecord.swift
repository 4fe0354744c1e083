/// A value made of fixed-width signed 64-bit counters (big-endian, so the bytes are the
/// same on every machine and in every digest).
///
/// Counters are bumped in place: the hot path of replay is "add one to slot 7", which
/// must not decode and re-encode a whole entity.
struct CounterSlots {
    let raw: UnsafeMutableRawBufferPointer

    var count: Int { raw.count / 8 }

    subscript(slot: Int) -> Int64 {
        get {
            precondition(slot >= 0 && slot < count, "counter slot \(slot) outside record of \(count)")
            return Int64(bigEndian: raw.loadUnaligned(fromByteOffset: slot * 8, as: Int64.self))
        }
        nonmutating set {
            precondition(slot >= 0 && slot < count, "counter slot \(slot) outside record of \(count)")
            raw.storeBytes(of: newValue.bigEndian, toByteOffset: slot * 8, as: Int64.self)
        }
    }
}

/// Read-only view of a counter record as stored.
struct CounterValues {
    let bytes: [UInt8]?

    /// A missing record or a slot beyond a shorter (older) record reads as zero.
    subscript(slot: Int) -> Int64 {
        guard let bytes, slot >= 0, (slot + 1) * 8 <= bytes.count else { return 0 }
        return bytes.withUnsafeBytes { Int64(bigEndian: $0.loadUnaligned(fromByteOffset: slot * 8, as: Int64.self)) }
    }
}

extension ProjectionStore {
    /// Changes the counters of the record at `key`, creating it zeroed when absent.
    mutating func updateCounters(
        at key: StoreKey, slots: Int, _ body: (CounterSlots) throws -> Void
    ) throws {
        try update(key) { value in
            let originalCount = value?.count
            var bytes = value ?? []
            value = nil  // so `bytes` is the only reference and changes in place
            if bytes.count < slots * 8 { bytes.append(contentsOf: repeatElement(0, count: slots * 8 - bytes.count)) }
            // A refused event (a figure would overflow) changes nothing, so the record's bytes
            // are kept aside first: on the stack, since keeping the array itself would make
            // `bytes` shared and every update a heap copy of the record.
            try withUnsafeTemporaryAllocation(byteCount: bytes.count, alignment: 8) { saved in
                bytes.withUnsafeBytes { saved.copyMemory(from: $0) }
                do {
                    try bytes.withUnsafeMutableBytes { try body(CounterSlots(raw: $0)) }
                } catch {
                    if let originalCount {
                        bytes.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(saved)) }
                        bytes.removeLast(bytes.count - originalCount)
                        value = bytes
                    }
                    throw error
                }
            }
            value = bytes
        }
    }

    func counters(at key: StoreKey) throws -> CounterValues {
        CounterValues(bytes: try get(key))
    }
}
