// Deterministic PRNG: xoshiro256** seeded through SplitMix64. Never the system RNG.

struct Xoshiro {
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        s0 = Xoshiro.splitMix(&x)
        s1 = Xoshiro.splitMix(&x)
        s2 = Xoshiro.splitMix(&x)
        s3 = Xoshiro.splitMix(&x)
    }

    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    @inline(__always) mutating func next() -> UInt64 {
        let result = Xoshiro.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro.rotl(s3, 45)
        return result
    }

    /// Uniform in 0..<n (n <= 1 gives 0).
    @inline(__always) mutating func below(_ n: Int) -> Int {
        if n <= 1 { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in lo...hi (inclusive); hi <= lo gives lo.
    @inline(__always) mutating func range(_ lo: Int, _ hi: Int) -> Int {
        hi <= lo ? lo : lo + below(hi - lo + 1)
    }

    @inline(__always) mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// floor(rate) plus one more with probability frac(rate): cheap, deterministic count with the right mean.
    @inline(__always) mutating func count(_ rate: Double) -> Int {
        if rate <= 0 { return 0 }
        let whole = rate.rounded(.down)
        return Int(whole) + (chance(rate - whole) ? 1 : 0)
    }
}
