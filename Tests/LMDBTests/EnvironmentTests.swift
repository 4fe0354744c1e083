import Foundation
import LMDB
import Testing

@Suite("LMDB wrapper")
struct EnvironmentTests {
    private func makeEnvironment(mapSize: Int = 1 << 20) throws -> (Environment, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lmdb-\(UUID().uuidString)").path
        var options = Environment.Options()
        options.initialMapSize = mapSize
        return (try Environment(path: path, options: options), path)
    }

    @Test func writeCommitsAndReadSeesIt() throws {
        let (env, path) = try makeEnvironment()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("kv")
        try env.write { txn in try txn.put(db, "a", [1, 2, 3]) }
        let value = try env.read { txn in try txn.get(db, "a").map { Array($0) } }
        #expect(value == [1, 2, 3])
    }

    @Test func throwingWriteRollsBack() throws {
        struct Abort: Error {}
        let (env, path) = try makeEnvironment()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("kv")
        #expect(throws: Abort.self) {
            try env.write { txn in
                try txn.put(db, "a", [1])
                throw Abort()
            }
        }
        #expect(try env.read { try $0.get(db, "a") } == nil)
    }

    @Test func cursorWalksInKeyOrderAndSeeks() throws {
        let (env, path) = try makeEnvironment()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("seq")
        try env.write { txn in
            for i: UInt64 in [5, 1, 3] { try txn.put(db, BigEndianKey(i), [UInt8(i)]) }
        }
        let keys = try env.read { txn in
            try txn.withCursor(db) { cursor -> [UInt64] in
                var out: [UInt64] = []
                var entry = try cursor.first()
                while let e = entry {
                    out.append(BigEndianKey.decode(e.key) ?? 0)
                    entry = try cursor.next()
                }
                return out
            }
        }
        #expect(keys == [1, 3, 5])
        let atLeast4 = try env.read { txn in
            try txn.withCursor(db) { try $0.seek(atLeast: BigEndianKey(4)).map { Array($0.value) } }
        }
        #expect(atLeast4 == [5])
        let atMost4 = try env.read { txn in
            try txn.withCursor(db) { try $0.seek(atMost: BigEndianKey(4)).map { Array($0.value) } }
        }
        #expect(atMost4 == [3])
    }

    @Test func writesGrowTheMapInsteadOfFailing() throws {
        let (env, path) = try makeEnvironment(mapSize: 256 << 10)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("kv")
        let value = [UInt8](repeating: 7, count: 4096)
        for i: UInt64 in 0..<2000 {  // ~8 MiB
            try env.write { txn in try txn.put(db, BigEndianKey(i), value) }
        }
        #expect(env.mapSize > 256 << 10)
        #expect(try env.read { try $0.count(db) } == 2000)
    }

    @Test func appendFlagRejectsOutOfOrderKeys() throws {
        let (env, path) = try makeEnvironment()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("seq")
        let error = #expect(throws: LMDBError.self) {
            try env.write { txn in
                try txn.put(db, BigEndianKey(2), [2], flags: .append)
                try txn.put(db, BigEndianKey(1), [1], flags: .append)
            }
        }
        #expect(error?.code == LMDBError.keyExists)
        #expect(error?.message.isEmpty == false)
    }

    @Test func ledgerFilesAreNotWorldReadable() throws {
        let (env, path) = try makeEnvironment()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try env.openDatabase("kv")
        let dirMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: path + "/data.mdb")[.posixPermissions] as? Int
        #expect(dirMode.map { $0 & 0o077 } == 0)
        #expect(fileMode.map { $0 & 0o077 } == 0)
    }
}
