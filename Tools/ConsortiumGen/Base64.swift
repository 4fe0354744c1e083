// Standard base64 for generated public keys (no Foundation in the generator).

enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ d: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity((d.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < d.count {
            let n = (UInt32(d[i]) << 16) | (UInt32(d[i + 1]) << 8) | UInt32(d[i + 2])
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int((n >> 12) & 63)])
            out.append(alphabet[Int((n >> 6) & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = d.count - i
        if rest == 1 {
            let n = UInt32(d[i]) << 16
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int((n >> 12) & 63)])
            out.append(61)
            out.append(61)
        } else if rest == 2 {
            let n = (UInt32(d[i]) << 16) | (UInt32(d[i + 1]) << 8)
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int((n >> 12) & 63)])
            out.append(alphabet[Int((n >> 6) & 63)])
            out.append(61)
        }
        return out
    }
}
