import Audit
import Dispatch
import EventStore
import Foundation
import LMDB

/// One batch of a ``VerbatimCopier``: its frames, where it starts, and what its check and
/// fold found. `@unchecked Sendable`: the frames never change; each outcome is set once.
final class VerbatimBatch: @unchecked Sendable {
    /// What the check hands the writer: the batch's Merkle nodes (in key order), the tree after
    /// it, and its index entries (in key order).
    typealias Tree = (nodes: [MerkleNode], accumulator: MerkleAccumulator, indexes: VerbatimIndexEntries)
    let frames: [UInt8]
    let start: UInt64
    let count: Int
    let checked = Outcome<Tree>()
    let councilFolded = Outcome<KeyOrderedWrites>()
    let othersFolded = Outcome<KeyOrderedWrites>()

    init(frames: [UInt8], start: UInt64) {
        self.frames = frames
        self.start = start
        var count = 0
        frames.withUnsafeBytes { for _ in RecordFrames($0) { count += 1 } }
        self.count = count
    }

    /// A result set once by one thread and waited for by another.
    final class Outcome<Value>: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private var result: Result<Value, Error>?

        func set(_ body: () throws -> Value) {
            result = Result(catching: body)
            ready.signal()
        }

        func wait() -> Result<Value, Error> {
            ready.wait()
            ready.signal()  // a second wait returns at once
            return result ?? .failure(LedgerError(.io, "a mirror batch ended without a result"))
        }
    }
}

/// The state of a ``VerbatimCopier`` its caller reads while its writer runs: records stored
/// so far and the first failure.
final class VerbatimProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var storedCount: UInt64 = 0
    private var firstFailure: Error?

    var stored: UInt64 { lock.withLock { storedCount } }
    var failure: Error? { lock.withLock { firstFailure } }

    func add(_ count: UInt64) { lock.withLock { storedCount += count } }

    func fail(_ error: Error) {
        lock.withLock { if firstFailure == nil { firstFailure = error } }
    }
}
