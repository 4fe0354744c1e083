import LEB128

/// Appends the compact binary payload form that events are stored in.
///
/// Replay decodes every event ever recorded, so the format is LEB128 varints and
/// length-prefixed UTF-8: no field names, no padding, nothing to parse twice.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Unsigned LEB128: seven bits per byte, high bit set on all but the last.
    public mutating func writeVarint(_ value: UInt64) {
        LEB128.append(value, to: &bytes)
    }

    /// Zigzag maps small negative numbers to small unsigned ones before the varint.
    public mutating func writeZigZag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Byte count, then the UTF-8 bytes.
    public mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Raw bytes without a length, for callers that frame them themselves.
    public mutating func writeRaw(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Any codable value: optionals get a presence byte, arrays a count prefix.
    public mutating func write<T: BinaryCodable>(_ value: T) {
        value.encode(into: &self)
    }
}
