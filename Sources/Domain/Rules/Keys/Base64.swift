/// Strict standard base64 (RFC 4648 §4) decoding, for member public keys.
///
/// Strict because a key is compared and hashed by its bytes: padding must be present and
/// canonical, unused bits zero, and nothing but the alphabet, so one key has one spelling.
enum Base64 {
    /// The decoded bytes, or `nil` for anything that is not canonical padded base64.
    static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 4 * 3)
        var index = 0
        while index < chars.count {
            let isLast = index + 4 == chars.count
            let padding =
                isLast
                ? (chars[index + 3] == UInt8(ascii: "=") ? (chars[index + 2] == UInt8(ascii: "=") ? 2 : 1) : 0) : 0
            var group: UInt32 = 0
            for offset in 0..<(4 - padding) {
                guard let sextet = value(of: chars[index + offset]) else { return nil }
                group = group << 6 | UInt32(sextet)
            }
            group <<= UInt32(6 * padding)
            let decoded = [
                UInt8(truncatingIfNeeded: group >> 16), UInt8(truncatingIfNeeded: group >> 8),
                UInt8(truncatingIfNeeded: group),
            ]
            // Canonical: the bits a padded group leaves over must be zero.
            if padding == 1 && decoded[2] != 0 { return nil }
            if padding == 2 && (decoded[1] != 0 || decoded[2] != 0) { return nil }
            out.append(contentsOf: decoded[0..<(3 - padding)])
            index += 4
        }
        return out
    }

    private static func value(of char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return char - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return char - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
