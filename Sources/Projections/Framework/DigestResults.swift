import Domain

/// Slots for digests computed by `concurrentPerform`, one per iteration; the caller reads them
/// after `concurrentPerform` has returned.
final class DigestResults: Sendable {
    private let slots: Locked<[Result<String, any Error>?]>

    init(count: Int) {
        slots = Locked(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ result: Result<String, any Error>) {
        slots.withLock { $0[index] = result }
    }

    /// Every digest in slot order, or the first slot's error.
    func values() throws -> [String] {
        try slots.value.map { slot in
            guard let slot else { preconditionFailure("a digest slot was never filled") }
            return try slot.get()
        }
    }
}
