import ConsortiumLedger
import Foundation
import Hummingbird
import NIOCore

/// Public, no token (transparency): the latest signed checkpoint, the key that signs them, and
/// Merkle proofs as `ledger prove` prints them, so anyone can check the ledger's history.
struct TransparencyRoutes: RouteGroup {
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.get("/v1/checkpoint") { _, _ in
            guard let latest = try api.ledger.latestCheckpoint() else {
                throw Problem.notFound("no checkpoint has been signed yet (`ledger checkpoint`)")
            }
            return .text(latest.serialized, contentType: "text/plain; charset=utf-8")
        }
        routes.get("/v1/public-key") { _, _ in
            guard let key = FileManager.default.contents(atPath: api.ledger.publicKeyPath) else {
                throw Problem.notFound("the ledger has no checkpoint key")
            }
            return .text(String(decoding: key, as: UTF8.self), contentType: "text/plain; charset=utf-8")
        }
        routes.get("/v1/proofs/inclusion/:event") { request, context in
            guard let event = context.parameters.get("event"), !event.isEmpty, event.utf8.count <= 200 else {
                throw Problem.badRequest("expected /v1/proofs/inclusion/{id or sequence}")
            }
            let size = try request.query.unsigned("size")
            do {
                let document = try api.ledger.proveInclusion(
                    sequence: UInt64(event), eventId: UInt64(event) == nil ? event : nil, treeSize: size)
                return .json(String(decoding: try document.jsonData(), as: UTF8.self) + "\n")
            } catch {
                throw Problem.reading(error)
            }
        }
        routes.get("/v1/proofs/consistency") { request, _ in
            guard let from = try request.query.unsigned("from") else {
                throw Problem.badRequest("from: required (the older tree size)", field: "from")
            }
            let to = try request.query.unsigned("to")
            do {
                let document = try api.ledger.proveConsistency(oldSize: from, newSize: to)
                return .json(String(decoding: try document.jsonData(), as: UTF8.self) + "\n")
            } catch {
                throw Problem.reading(error)
            }
        }
    }
}
