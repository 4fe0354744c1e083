import AsyncHTTPClient
import Audit
import Foundation
import LedgerTesting
import NIOCore
import Replication
import Testing

/// The tlog-witness answers of a real `ledger witness serve`, one status at a time.
@Suite("tlog-witness protocol (a witness process on loopback)", .serialized)
struct WitnessProtocolTests {
    private static func post(_ body: String, to url: String) async throws -> (status: Int, type: String?, text: String)
    {
        var request = HTTPClientRequest(url: url + "/add-checkpoint")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        return (Int(response.status.code), response.headers.first(name: "Content-Type"), text)
    }

    @Test("200, 400, 403, 404, 409 (stale size, other root) and 422, as C2SP tlog-witness prescribes")
    func statuses() async throws {
        let dir = TemporaryDirectory("witness-protocol")
        var log = try TestLog()
        let logKeyPath = dir.file("log.pub")
        try log.key.publicKey.write(to: logKeyPath)
        let fleet = try WitnessFleet(count: 1, logs: ["\(log.origin)=\(logKeyPath)"], in: dir)
        defer { fleet.stop() }
        let url = fleet.members[0].url
        let witnessKey = try CosignerPublicKey.load(from: fleet.members[0].publicKeyPath)

        try log.append(10)
        let first = try await Self.post(try log.request(from: 0).body, to: url)
        #expect(first.status == 200, "\(first.text)")
        let line = try NoteSignature(parsingLine: Substring(first.text.dropLast()))
        #expect(witnessKey.verify(line, on: try log.note().checkpoint) != nil)

        // Stale old size: 409, the known size, text/x.tlog.size.
        try log.append(5)
        let stale = try await Self.post(try log.request(from: 0).body, to: url)
        #expect(stale.status == 409)
        #expect(stale.type == "text/x.tlog.size")
        #expect(stale.text == "10\n")
        #expect(try await Self.post(try log.request(from: 10).body, to: url).status == 200)

        // Malformed bodies and an old size beyond the checkpoint: 400.
        #expect(try await Self.post("hello\n", to: url).status == 400)
        #expect(try await Self.post("old 015\n\n" + (try log.note().serialized), to: url).status == 400)
        #expect(try await Self.post("old 99\n\n" + (try log.note().serialized), to: url).status == 400)

        // Unknown origin: 404. Known origin signed by another key: 403.
        let stranger = try TestLog(origin: "elsewhere.example/log")
        #expect(try await Self.post(try stranger.request(from: 0).body, to: url).status == 404)
        let impostor = try TestLog(origin: log.origin)
        #expect(try await Self.post(try impostor.request(from: 0).body, to: url).status == 403)

        // Another root at the cosigned size: 409. A proof that does not link: 422.
        var forked = try TestLog(origin: log.origin, key: log.key)
        try forked.append(15, tag: "forked")
        let split = try await Self.post(try forked.request(from: 15).body, to: url)
        #expect(split.status == 409)
        #expect(split.type != "text/x.tlog.size")
        try forked.append(3, tag: "forked")
        let rewritten = try await Self.post(try forked.request(from: 15).body, to: url)
        #expect(rewritten.status == 422, "\(rewritten.text)")
        #expect(fleet.evidence(0).count == 2)

        // The honest log goes on: its state was not disturbed by the refusals.
        try log.append(1)
        #expect(try await Self.post(try log.request(from: 15).body, to: url).status == 200)
    }

    @Test("concurrent submissions never roll the witness back: every cosigned size extends the one before")
    func concurrentSubmissions() async throws {
        let dir = TemporaryDirectory("witness-concurrent")
        var log = try TestLog()
        let logKeyPath = dir.file("log.pub")
        try log.key.publicKey.write(to: logKeyPath)
        let fleet = try WitnessFleet(count: 1, logs: ["\(log.origin)=\(logKeyPath)"], in: dir)
        defer { fleet.stop() }
        let endpoint = WitnessEndpoint(
            name: "w1", url: fleet.members[0].url, key: try CosignerPublicKey.load(from: fleet.members[0].publicKeyPath)
        )
        // Twelve growing checkpoints, all built first; then eight clients race to submit them.
        var requests: [(size: UInt64, note: SignedCheckpoint, log: TestLog)] = []
        for _ in 0..<12 {
            try log.append(7)
            requests.append((log.accumulator.size, try log.note(), log))
        }
        let snapshots = requests
        let cosignedSizes = await withTaskGroup(of: [UInt64].self) { group in
            for client in 0..<8 {
                group.addTask {
                    var sizes: [UInt64] = []
                    let collector = CosignatureCollector(witnesses: [endpoint])
                    for index in stride(from: client % 3, to: snapshots.count, by: 1 + client % 3) {
                        let entry = snapshots[index]
                        let (_, reports) = await collector.collect(entry.note) { old in
                            try ConsistencyProof(oldSize: old, newSize: entry.size, store: entry.log.nodes).hashes
                        }
                        if reports[0].cosignature != nil { sizes.append(entry.size) }
                    }
                    return sizes
                }
            }
            var all: [UInt64] = []
            for await sizes in group { all += sizes }
            return all
        }
        #expect(!cosignedSizes.isEmpty)
        // The stored state is the largest size cosigned, never a smaller one written later.
        let stored = try FileManager.default.contentsOfDirectory(atPath: fleet.members[0].stateDirectory + "/logs")
        #expect(stored.count == 1)
        let note = try SignedCheckpoint(
            parsing: try String(
                contentsOfFile: fleet.members[0].stateDirectory + "/logs/" + stored[0], encoding: .utf8))
        #expect(note.checkpoint.size == cosignedSizes.max())
        #expect(fleet.evidence(0).isEmpty)
    }
}
