/// Keys of the versioned snapshot store: `model ‖ 0x00 ‖ escaped key ‖ 0x00 0x00 ‖ ~position`.
///
/// Why this shape: one stored version per entry and snapshot that changed it (a delta), yet
/// any snapshot reads as a whole read model. The key is escaped (0x00 → 0x00 0x01) and
/// terminated by 0x00 0x00, so the entries of one read-model key are contiguous and distinct
/// keys keep their byte order (a key that is a prefix of another sorts first, as in the live
/// model). The position is stored inverted, newest first: a cursor seek to
/// `key ‖ ~P` lands on the newest version at or before snapshot `P`.
enum VersionedKey {
    static let suffixLength = 8

    /// The part shared by every version of `key` in `model`.
    static func stem(model: String, key: some Collection<UInt8>) -> [UInt8] {
        var bytes = modelPrefix(model)
        bytes.reserveCapacity(bytes.count + key.count + 12)
        appendEscaped(key, to: &bytes)
        bytes.append(0)
        bytes.append(0)
        return bytes
    }

    /// `model ‖ 0x00`: every entry of one model starts with it.
    static func modelPrefix(_ model: String) -> [UInt8] {
        Array(model.utf8) + [0]
    }

    /// The escaped form of a key prefix, for seeking to the first entry under it (no terminator).
    static func prefixStart(model: String, prefix: [UInt8]) -> [UInt8] {
        var bytes = modelPrefix(model)
        appendEscaped(prefix, to: &bytes)
        return bytes
    }

    static func make(stem: [UInt8], position: UInt64) -> [UInt8] {
        var bytes = stem
        withUnsafeBytes(of: (~position).bigEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The position of a stored version key.
    static func position(of stored: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0
        for byte in stored.suffix(suffixLength) { value = value << 8 | UInt64(byte) }
        return ~value
    }

    /// The stem of a stored version key (everything before the position).
    static func stemBytes(of stored: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: stored.dropLast(suffixLength))
    }

    /// The read-model key inside a stem that starts with `modelPrefixLength` bytes of model tag.
    static func key(ofStem stem: UnsafeRawBufferPointer, modelPrefixLength: Int) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(stem.count)
        var index = stem.startIndex + modelPrefixLength
        let end = stem.endIndex - 2  // the 0x00 0x00 terminator
        while index < end {
            let byte = stem[index]
            key.append(byte)
            index += byte == 0 ? 2 : 1  // 0x00 0x01 is an escaped 0x00
        }
        return key
    }

    private static func appendEscaped(_ key: some Collection<UInt8>, to bytes: inout [UInt8]) {
        for byte in key {
            bytes.append(byte)
            if byte == 0 { bytes.append(1) }
        }
    }
}
