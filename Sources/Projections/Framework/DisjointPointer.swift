/// A pointer handed to exactly one worker of a `concurrentPerform`.
///
/// `@unchecked Sendable` is sound only because of how `Replayer` uses it: each worker
/// dereferences only its own pointers (the read models share no storage), and
/// `concurrentPerform` returns only after both workers finished.
struct DisjointPointer<Pointee>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Pointee>

    init(_ pointer: UnsafeMutablePointer<Pointee>) {
        self.pointer = pointer
    }
}
