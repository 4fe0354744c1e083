import Audit
import EventStore
import Foundation
import LMDB
import LedgerTesting

@testable import ConsortiumLedger

/// What a secretariat with the files and the checkpoint key could do: change a recorded
/// event, re-hash every later record so the chain is whole, rebuild the Merkle tree over the
/// changed records, drop the checkpoints of the old history and sign a new one with the same
/// key. Every local check (`ledger audit`'s chain, the Merkle root, the signature) then
/// passes; only someone who kept an older checkpoint can tell.
enum HistoryForgery {
    /// Forges the closed ledger at `path` from `sequence` on and signs a checkpoint of the
    /// forged tree; returns it.
    @discardableResult
    static func rewrite(ledger path: String, at sequence: UInt64) throws -> SignedCheckpoint {
        try LedgerTampering.rewrite(from: sequence, ledger: path) { event in
            event.actor = event.actor + "-forged"
        }
        let ledger = try Ledger(path: path)
        let events = try ledger.store.environment.openDatabase("events", create: false)
        try ledger.store.environment.write { txn in
            var accumulator = MerkleAccumulator()
            var nodes = NodeBuffer()
            try txn.withCursor(events) { cursor in
                var entry = try cursor.first()
                while let e = entry {
                    let record = try RecordCodec.split(e.value).record
                    try accumulator.append(leafHash: Merkle.leafHash(bytes: record), into: &nodes)
                    entry = try cursor.next()
                }
            }
            var store = LMDBMerkleNodeStore(transaction: txn, database: ledger.facade.merkleNodes)
            try store.put(contentsOf: nodes.nodes)
            try MerkleState.save(accumulator, txn, ledger.facade)
            try txn.clear(ledger.facade.checkpoints)
        }
        return try ledger.checkpoint()
    }
}
