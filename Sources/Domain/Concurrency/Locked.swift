#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// State that several threads share, kept inside its lock: the only way to reach it is
/// `withLock { state in … }`, so no access can forget the lock (NIO's `NIOLockedValueBox`
/// pattern). The one lock type of the project: every other lock-protected state uses it.
///
/// (`Synchronization.Mutex` would need macOS 15; the package supports macOS 14.)
public final class Locked<State> {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var state: State

    public init(_ initial: State) {
        state = initial
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held and the state lent to it for changing.
    public func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// A copy of the state, read under the lock.
    public var value: State { withLock { $0 } }
}

/// `@unchecked Sendable` — the project's single documented one for locking: the compiler cannot
/// see that the pthread mutex serialises every access to `state`, but `withLock` is the only
/// path to it and holds the mutex for the whole closure. Only for Sendable state, so nothing
/// handed out of `withLock` can be shared unprotected.
extension Locked: @unchecked Sendable where State: Sendable {}
