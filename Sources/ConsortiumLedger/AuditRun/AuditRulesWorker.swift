import Domain
import EventStore
import Foundation

/// The audit's signature and rule checks on a thread of their own, fed in chunks by the thread
/// that walks the chain, hashes the Merkle leaves and decodes payloads (which also feeds the
/// read-model folds of a `ReplayPipeline`).
///
/// Why: with signatures off, rules were ~30% of an audit of 10^6 events and everything else
/// ran on the same core; the machines have two. Only an all-good pass is taken from here: on
/// any failure `Ledger.audit` redoes the pass on one thread, so a failing report (first failing
/// sequence, counts so far, Merkle root so far) is exactly the sequential one.
///
/// Jobs hold `RecordView`s pointing into the read transaction's map: the caller must call
/// ``finish()`` before that transaction ends (it does, in a `defer`).
///
/// `@unchecked Sendable`: the queue fields are guarded by `condition` (an `NSCondition`: the
/// walker waits for room, the worker for work); the results are read only after ``finish()``.
final class AuditRulesWorker: @unchecked Sendable {
    struct Job {
        let event: DomainEvent
        let record: RecordView
        let actor: String
        let occurredOn: LocalDate
    }

    static let chunkSize = 4096
    /// Chunks waiting at most: bounds memory and how far the walker runs ahead.
    static let maxQueued = 4

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queued: [[Job]] = []
    private var closed = false
    private var failed = false
    private var finished = false
    private let done = DispatchSemaphore(value: 0)

    // Owned by the worker thread until `finish()` returns.
    private(set) var rules = InMemoryRuleStateStore()
    private(set) var signaturesVerified = 0
    private(set) var unsignedEvents = 0
    private(set) var rulesChecked: UInt64 = 0
    private let signatures: SignatureCheck
    private let checkSignatures: Bool
    private let engine = RuleEngine()

    /// - Parameter expectedRuleEntries: about how many keys the rebuilt rule state will hold
    ///   (the live state's count): room is made for them at once.
    init(signatures: SignatureCheck, checkSignatures: Bool, expectedRuleEntries: Int = 0) {
        self.signatures = signatures
        self.checkSignatures = checkSignatures
        rules = InMemoryRuleStateStore(minimumCapacity: expectedRuleEntries)
    }

    func start() {
        Thread { self.run() }.start()
    }

    /// Queues a chunk, waiting while the queue is full; false once the worker has found a failure.
    func submit(_ chunk: [Job]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= Self.maxQueued && !failed { condition.wait() }
        guard !failed else { return false }
        queued.append(chunk)
        condition.broadcast()
        return true
    }

    /// Whether the worker has found a failure so far (the walker stops early).
    var hasFailed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return failed
    }

    /// Lets the worker drain its queue and waits for it; true when every job passed. Idempotent.
    @discardableResult
    func finish() -> Bool {
        condition.lock()
        let waitForWorker = !finished
        finished = true
        closed = true
        condition.broadcast()
        condition.unlock()
        if waitForWorker { done.wait() }
        return !hasFailed
    }

    private func run() {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            guard !queued.isEmpty else {
                condition.unlock()
                break
            }
            let chunk = queued.removeFirst()
            condition.broadcast()
            condition.unlock()
            if !process(chunk) {
                condition.lock()
                failed = true
                queued.removeAll()
                condition.broadcast()
                condition.unlock()
                break
            }
        }
        done.signal()
    }

    /// The checks `AuditReplay.inspect` makes after decoding, in the same order.
    ///
    /// The state and counters are worked on in locals and stored back once per chunk: as stored
    /// properties of a class, each per-job access would pay a dynamic exclusivity check.
    private func process(_ chunk: [Job]) -> Bool {
        var rules = self.rules
        self.rules = InMemoryRuleStateStore()  // keeps the local copy uniquely referenced
        var verified = 0
        var unsigned = 0
        var checked: UInt64 = 0
        defer {
            self.rules = rules
            signaturesVerified += verified
            unsignedEvents += unsigned
            rulesChecked += checked
        }
        for job in chunk {
            let record = job.record
            if checkSignatures || record.signature == nil {
                do {
                    let signed = try signatures.check(
                        actor: job.actor, typeName: record.type, signature: record.signature.map { Array($0) },
                        signerKeyId: record.signerKeyId, signedBytes: { SignedContent.bytes(of: record) }, state: rules)
                    if signed { verified += 1 } else { unsigned += 1 }
                } catch {
                    return false
                }
            }
            do {
                try engine.apply(job.event, actor: job.actor, occurredOn: job.occurredOn, to: &rules)
                checked += 1
            } catch {
                return false
            }
        }
        return true
    }
}
