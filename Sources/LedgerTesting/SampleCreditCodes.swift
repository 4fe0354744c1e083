import Domain

/// Valid unified social credit codes (GB 32100-2015) for test members, one per id, so that
/// admissions of schools and enterprises in test lines carry the code version 2 requires.
public enum SampleCreditCodes {
    /// A public-institution code (`12…`, as state schools have) derived from `id`.
    public static func school(_ id: String) -> String { code(prefix: "12320500", id) }

    /// An enterprise code (`91…`) derived from `id`.
    public static func enterprise(_ id: String) -> String { code(prefix: "91320500", id) }

    /// FNV-1a of the id spread over nine digits, then the standard's check character.
    static func code(prefix: String, _ id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var digits = String(hash % 1_000_000_000)
        while digits.count < 9 { digits = "0" + digits }
        return CreditCode.completing(prefix + digits) ?? ""
    }
}
