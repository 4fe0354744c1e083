import Domain

/// The keys first written since a boundary, in no order, and each one's value just before that
/// write: what `DeltaTrackingStore` (and the import's and a snapshot's fold) compares with at the
/// next boundary.
///
/// The values' bytes are copied into one buffer rather than kept as the arrays themselves:
/// holding a model's array made it shared, so the write that followed copied it to a new one
/// (an allocation, a copy and later a free for every key noted — a model's hot keys are noted
/// again in each of a ledger's hundred-odd periods).
public struct BoundaryNotes: Sendable {
    public private(set) var keys: [ByteKey] = []
    /// Per key, where its value lies in `bytes`; a count of -1 for a key that was absent.
    private var spans: [(start: Int, count: Int)] = []
    private var bytes: [UInt8] = []

    public init() {}

    public var count: Int { keys.count }

    /// Notes `key` with its value before the write about to happen (`nil`: absent).
    public mutating func note(_ key: ByteKey, before value: [UInt8]?) {
        keys.append(key)
        guard let value else {
            spans.append((bytes.count, -1))
            return
        }
        spans.append((bytes.count, value.count))
        bytes.append(contentsOf: value)
    }

    /// Takes back the last note: for a new key whose write stored nothing after all. Its bytes,
    /// if it had any (a new key's value before is absent), stay unused until `removeAll`, as a
    /// replaced value's do: cutting them could cut a later replacement's.
    public mutating func removeLast() {
        keys.removeLast()
        spans.removeLast()
    }

    /// Whether the key noted at `index` had exactly `value` then.
    public func value(at index: Int, equals value: [UInt8]) -> Bool {
        let span = spans[index]
        guard span.count == value.count else { return false }
        return bytes.withUnsafeBytes { noted in
            value.withUnsafeBytes { now in noted[span.start..<span.start + span.count].elementsEqual(now) }
        }
    }

    /// Notes another value for the key noted at `index` (its old bytes stay unused until
    /// `removeAll`): for a caller that learns a key's value at the boundary after noting it.
    public mutating func replaceValue(at index: Int, with value: [UInt8]?) {
        guard let value else {
            spans[index] = (bytes.count, -1)
            return
        }
        spans[index] = (bytes.count, value.count)
        bytes.append(contentsOf: value)
    }

    /// Forgets every note (at a boundary), keeping the buffers' capacity.
    public mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }
}
