/// The body of a C2SP tlog-cosignature/v1 signature line: a `timestamped_signature`, the
/// 8-byte big-endian POSIX time followed by the 64-byte Ed25519 signature.
public struct Cosignature: Sendable, Hashable {
    /// When the witness cosigned, in seconds since the Epoch.
    public let timestamp: UInt64
    public let signature: [UInt8]

    public init(timestamp: UInt64, signature: [UInt8]) {
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Splits a signature line's bytes (after the key id); `nil` unless exactly 8 + 64 bytes
    /// with a timestamp below 2^63, as the spec requires.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == 72 else { return nil }
        let time = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard time <= UInt64(Int64.max) else { return nil }
        timestamp = time
        signature = Array(bytes[8...])
    }

    /// The bytes that follow the key id on the signature line.
    public var bytes: [UInt8] {
        var out: [UInt8] = withUnsafeBytes(of: timestamp.bigEndian) { Array($0) }
        out.append(contentsOf: signature)
        return out
    }

    /// What is signed: "cosignature/v1\n", "time <ts>\n", then the checkpoint's whole note
    /// body. The header separates this from every other use of the key.
    public static func message(_ checkpoint: Checkpoint, timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n\(checkpoint.noteText)".utf8)
    }
}
