/// Unsigned LEB128, the one varint encoder of the project: seven bits per byte, least
/// significant group first, the high bit set on all but the last byte. Payloads (`Domain`'s
/// `BinaryWriter`) and stored records (`EventStore`'s record writer) both use it, so the two
/// encodings cannot drift apart.
public enum LEB128 {
    /// Appends `value` to `bytes` in at most ten bytes.
    @inlinable @inline(__always)
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
