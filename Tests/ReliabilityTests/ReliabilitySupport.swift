import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A ledger directory driven through the built `ledger` binary.
struct LedgerCLI {
    let path: String

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, limit: Double = 300) throws -> ChildResult {
        try ChildProcess.run(
            "ledger", arguments + ["--ledger", path], stdin: stdin.map { Data($0.utf8) }, limit: limit)
    }

    /// `ledger verify` exits 0.
    func verifies() throws -> Bool { try run(["verify"]).status == 0 }

    /// The number of events `ledger log` shows.
    func eventCount() throws -> Int {
        let log = try run(["log", "--format", "jsonl", "--limit", "100000000"])
        return log.stdout.split(separator: "\n").count
    }
}

/// Small, rule-clean events written by hand: a charter, its lead member, and members that
/// deliver training (each on its own stream `member-<id>`).
enum Events {
    static let charter =
        #"{"id":"e1","type":"ConsortiumChartered","occurredAt":"2025-01-02","actor":"gov-1","data":{"consortiumId":"C1","name":"Test City Consortium","region":"Test City","leadMemberId":"gov-1"}}"#
    static let admitLead =
        #"{"id":"e2","type":"MemberAdmitted","occurredAt":"2025-01-02","actor":"gov-1","data":{"memberId":"gov-1","name":"City Education Bureau","kind":"government"}}"#

    static func admitSchool(_ id: String) -> String {
        #"{"id":"admit-\#(id)","type":"MemberAdmitted","occurredAt":"2025-01-03","actor":"gov-1","data":{"memberId":"\#(id)","name":"School \#(id)","kind":"school","schoolLevel":"higher-vocational","creditCode":"\#(SampleCreditCodes.school(id))"}}"#
    }

    /// The `n`-th training (0-based) by `provider`, expecting its stream at version `n + 1`
    /// (the admission is version 1).
    static func training(_ n: Int, by provider: String, idPrefix: String) -> String {
        #"{"id":"\#(idPrefix)\#(n)","type":"TrainingDelivered","occurredAt":"2025-02-01","actor":"\#(provider)","expectedVersion":\#(n + 1),"data":{"providerId":"\#(provider)","personTimes":\#(n + 1),"topic":"safety \#(provider)"}}"#
    }
}

/// Whether this process may mount file systems (root in a sandbox that allows it); probed once
/// by mounting and unmounting a tiny tmpfs.
let canMount: Bool = {
    guard geteuid() == 0 else { return false }
    let probe = TemporaryDirectory("mount-probe")
    guard (try? Mounts.tmpfs(at: probe.path, size: "64k")) != nil else { return false }
    try? Mounts.unmount(probe.path)
    return true
}()

/// Thin wrappers over mount(8), for the disk-full and read-only tests.
enum Mounts {
    struct Failed: Error, CustomStringConvertible { let description: String }

    static func mount(_ arguments: [String]) throws {
        let result = try ChildProcess.run(executable: "/bin/mount", arguments, limit: 60)
        guard result.status == 0 else { throw Failed(description: "mount \(arguments): \(result)") }
    }

    static func tmpfs(at path: String, size: String) throws {
        try mount(["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path])
    }

    static func resize(_ path: String, size: String) throws {
        try mount(["-o", "remount,size=\(size)", path])
    }

    static func readOnlyBind(_ path: String) throws {
        try mount(["--bind", path, path])
        try mount(["-o", "remount,bind,ro", path])
    }

    static func unmount(_ path: String) throws {
        let result = try ChildProcess.run(executable: "/bin/umount", [path], limit: 60)
        guard result.status == 0 else { throw Failed(description: "umount \(path): \(result)") }
    }
}
