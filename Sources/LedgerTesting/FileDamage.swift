import EventStore
import Foundation
import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One kind of damage done to a closed ledger's `data.mdb`, as bit rot or a bad disk would.
public enum FileDamage: Sendable, Equatable, CustomStringConvertible {
    /// One byte XORed with a non-zero mask.
    case flip(offset: Int, mask: UInt8)
    /// The file cut short at `length` bytes.
    case truncate(length: Int)
    /// 4096 bytes set to zero from `offset` (a page boundary).
    case zeroPage(offset: Int)

    public static let pageSize = 4096

    /// The bytes of the original file the damage changes or removes.
    public func damagedRange(fileSize: Int) -> Range<Int> {
        switch self {
        case .flip(let offset, _): offset..<(offset + 1)
        case .truncate(let length): length..<max(length, fileSize)
        case .zeroPage(let offset): offset..<min(offset + FileDamage.pageSize, fileSize)
        }
    }

    public var kind: String {
        switch self {
        case .flip: "flip"
        case .truncate: "truncate"
        case .zeroPage: "zero-page"
        }
    }

    public var description: String {
        switch self {
        case .flip(let offset, let mask): "flip byte \(offset) (xor 0x\(String(mask, radix: 16)))"
        case .truncate(let length): "truncate to \(length) bytes"
        case .zeroPage(let offset):
            "zero page \(offset / FileDamage.pageSize) (bytes \(offset)..<\(offset + FileDamage.pageSize))"
        }
    }

    /// Applies the damage to the file at `path` in place.
    public func apply(to path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        switch self {
        case .flip(let offset, let mask):
            try handle.seek(toOffset: UInt64(offset))
            guard let byte = try handle.read(upToCount: 1)?.first else {
                throw DamageError("offset \(offset) is past the end")
            }
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: [byte ^ mask])
        case .truncate(let length):
            try handle.truncate(atOffset: UInt64(length))
        case .zeroPage(let offset):
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: [UInt8](repeating: 0, count: FileDamage.pageSize))
        }
        try handle.synchronize()
    }

    struct DamageError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Copies the regular files of a ledger directory (not the lock file) into a new directory, mode 0700.
public func copyLedger(from source: String, to destination: String, includeLock: Bool = false) throws {
    let fm = FileManager.default
    if fm.fileExists(atPath: destination) { try fm.removeItem(atPath: destination) }
    try fm.createDirectory(
        atPath: destination, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    for name in try fm.contentsOfDirectory(atPath: source) where includeLock || name != "lock.mdb" {
        try fm.copyItem(atPath: source + "/" + name, toPath: destination + "/" + name)
    }
}

/// Where each live record of a ledger lies in its `data.mdb`: the file offsets of every
/// record's 8-byte key and of its stored value, found by reading the records through LMDB's
/// memory map and subtracting the map's base address (from `/proc/self/maps`). Stale copies in
/// free pages are not live and are not listed.
public struct RecordLayout: Sendable {
    public enum Part: String, Sendable { case key, value }

    public struct Span: Sendable {
        public let range: Range<Int>
        public let sequence: UInt64
        public let part: Part
    }

    /// Sorted by file offset.
    public let spans: [Span]
    public let fileSize: Int
    public let recordCount: Int

    /// Measures the ledger at `ledgerPath`; the caller must not have it open in this process.
    public static func measure(ledgerPath: String) throws -> RecordLayout {
        let dataPath = ledgerPath + "/data.mdb"
        let fileBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dataPath)))
        let spans: [Span] = try {
            let store = try EventStore(path: ledgerPath)
            return try store.read { reader in
                var out: [Span] = []
                var base: Int?
                try reader.scanRaw { key, value in
                    if base == nil { base = try mapBase(of: dataPath, containing: value) }
                    guard let base, let keyStart = key.baseAddress, let valueStart = value.baseAddress,
                        let sequence = sequenceKey(key)
                    else { return false }
                    let k = Int(bitPattern: keyStart) - base
                    let v = Int(bitPattern: valueStart) - base
                    guard v >= 0, v + value.count <= fileBytes.count,
                        fileBytes[v..<(v + value.count)].elementsEqual(value)
                    else {
                        throw DamageLayoutError("record \(sequence) is not where the map says (offset \(v))")
                    }
                    out.append(Span(range: k..<(k + key.count), sequence: sequence, part: .key))
                    out.append(Span(range: v..<(v + value.count), sequence: sequence, part: .value))
                    return true
                }
                return out
            }
        }()
        return RecordLayout(
            spans: spans.sorted { $0.range.lowerBound < $1.range.lowerBound }, fileSize: fileBytes.count,
            recordCount: spans.count / 2)
    }

    /// The live record part that holds byte `offset`, if any.
    public func span(containing offset: Int) -> Span? {
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < spans.count && spans[low].range.contains(offset) ? spans[low] : nil
    }

    /// Every live record part that overlaps `range`.
    public func spans(overlapping range: Range<Int>) -> [Span] {
        spans.filter { $0.range.overlaps(range) }
    }

    /// Finds the start address of the mapping of `path` (file offset 0) that contains `pointer`.
    ///
    /// `/proc/self/maps` is read in pieces, and a mapping made or removed meanwhile by another
    /// thread (tests run in parallel: other ledgers open and close, the allocator maps memory)
    /// can make the kernel skip a line, so a miss is read again before it counts: the mapping
    /// is certainly there while the caller's read transaction holds the ledger open.
    static func mapBase(of path: String, containing bytes: UnsafeRawBufferPointer) throws -> Int {
        let address = UInt(bitPattern: bytes.baseAddress)
        for attempt in 0..<100 {
            if attempt > 0 { Thread.sleep(forTimeInterval: 0.001) }
            if let base = mapBase(in: try readMaps(), containing: address) { return base }
        }
        throw DamageLayoutError("no mapping of \(path) holds the record at 0x\(String(address, radix: 16))")
    }

    /// `/proc/self/maps` in as few reads as the kernel allows (a megabyte at a time: the kernel
    /// fills each read with whole lines, so fewer reads leave fewer gaps for a change to fall in).
    private static func readMaps() throws -> String {
        let descriptor = open("/proc/self/maps", O_RDONLY)
        guard descriptor >= 0 else { throw DamageLayoutError("/proc/self/maps cannot be opened: errno \(errno)") }
        defer { close(descriptor) }
        var text: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw DamageLayoutError("/proc/self/maps cannot be read: errno \(errno)") }
            if count == 0 { return String(decoding: text, as: UTF8.self) }
            text.append(contentsOf: chunk[..<count])
        }
    }

    private static func mapBase(in maps: String, containing address: UInt) -> Int? {
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5].hasSuffix("/data.mdb") else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16),
                let fileOffset = UInt(fields[2], radix: 16)
            else { continue }
            if address >= start && address < end { return Int(start) - Int(fileOffset) }
        }
        return nil
    }

    struct DamageLayoutError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
