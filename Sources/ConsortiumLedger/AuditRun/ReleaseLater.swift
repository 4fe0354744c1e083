import Dispatch

/// A large value freed on a background queue instead of by whoever drops it last.
///
/// The caller gives up every other reference before ``release()`` (moves the value in, then
/// resets its own copy), so the block's `value = nil` is the last release and the deallocation
/// runs on the background thread.
///
/// `@unchecked Sendable`: `value` is set once by `init` and touched again only by the one block
/// `release()` queues.
final class ReleaseLater<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) {
        self.value = value
    }

    func release() {
        DispatchQueue.global(qos: .utility).async { self.value = nil }
    }
}
