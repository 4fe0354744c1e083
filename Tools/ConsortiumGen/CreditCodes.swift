/// Unified social credit codes (统一社会信用代码, GB 32100-2015) for generated members.
///
/// Layout: registration authority and organisation type (`91` enterprise, `12` public
/// institution such as a state school), a six-digit administrative division, a nine-character
/// organisation code, and the check character over the first 17. The organisation code is the
/// member's kind and number spread over nine digits, so every generated member gets its own code.
enum CreditCodes {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Administrative division codes of a few prefecture-level cities (苏州, 无锡, 常州, 南京, 杭州, 宁波).
    static let divisions = ["320500", "320200", "320400", "320100", "330100", "330200"]

    /// The code of the `number`-th member of a kind (`kindDigit` 0…9 keeps kinds apart).
    static func code(authority: String, kindDigit: Int, number: Int) -> [UInt8] {
        let division = divisions[number % divisions.count]
        var body = String(kindDigit * 10_000_000 + number % 10_000_000)
        while body.count < 8 { body = "0" + body }
        // The ninth character of the organisation code: a digit derived from the rest, as in the real layout.
        let ninth = String(body.utf8.reduce(0) { ($0 * 7 + Int($1)) % 10 })
        let first17 = Array((authority + division + body + ninth).utf8)
        return first17 + [checkCharacter(first17)]
    }

    /// GB 32100-2015: characters are worth 0…30 in alphabet order, weights 3^i mod 31,
    /// check = 31 − (weighted sum mod 31), 31 → 0.
    static func checkCharacter(_ first17: [UInt8]) -> UInt8 {
        var sum = 0
        var weight = 1
        for byte in first17.prefix(17) {
            sum += (alphabet.firstIndex(of: byte) ?? 0) * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31]
    }
}
