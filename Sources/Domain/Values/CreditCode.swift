/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters of a
/// 31-character alphabet, the last a check character over the first 17.
///
/// Every Chinese government system keys an organisation by it, so it is what ties a member
/// to its registration (see docs/DOMAIN.md, Rules).
public enum CreditCode {
    /// The standard's alphabet in value order: digits, then upper-case letters without I, O, Z, S, V.
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Weights 3^i mod 31 for positions 0…16.
    static let weights: [Int] = {
        var weights: [Int] = []
        var weight = 1
        for _ in 0..<17 {
            weights.append(weight)
            weight = weight * 3 % 31
        }
        return weights
    }()

    /// The value 0…30 of one character, or `nil` outside the alphabet.
    static func value(of byte: UInt8) -> Int? {
        alphabet.firstIndex(of: byte)
    }

    /// Why a string is not a valid code, phrased as what was expected.
    public enum Problem: Sendable, Equatable {
        /// Not 18 characters.
        case length(Int)
        /// A character outside the alphabet, at a 1-based position.
        case character(position: Int)
        /// The last character differs from the check character the first 17 give.
        case checkCharacter(expected: Character)
    }

    /// The check character the first 17 characters of `code` call for, or `nil` when they
    /// are fewer than 17 or leave the alphabet.
    public static func checkCharacter(for code: String) -> Character? {
        let bytes = Array(code.utf8)
        guard bytes.count >= 17 else { return nil }
        var sum = 0
        for index in 0..<17 {
            guard let value = value(of: bytes[index]) else { return nil }
            sum += value * weights[index]
        }
        let check = (31 - sum % 31) % 31
        return Character(Unicode.Scalar(alphabet[check]))
    }

    /// `nil` when `code` is a valid code, else what is wrong with it.
    public static func problem(with code: String) -> Problem? {
        let bytes = Array(code.utf8)
        guard bytes.count == 18 else { return .length(code.count) }
        for (index, byte) in bytes.enumerated() where value(of: byte) == nil {
            return .character(position: index + 1)
        }
        guard let expected = checkCharacter(for: code) else { return .character(position: 1) }
        return Character(Unicode.Scalar(bytes[17])) == expected ? nil : .checkCharacter(expected: expected)
    }

    /// Whether `code` is a valid code (alphabet, length and check character).
    public static func isValid(_ code: String) -> Bool { problem(with: code) == nil }

    /// The 17 characters followed by their check character: how tools make valid codes.
    public static func completing(_ first17: String) -> String? {
        guard first17.utf8.count == 17, let check = checkCharacter(for: first17) else { return nil }
        return first17 + String(check)
    }

    /// The phrase after "expected" in a refusal.
    static let expectation =
        "a unified social credit code (18 characters of 0-9 and A-Z without I, O, Z, S, V; GB 32100-2015)"

    /// The field error for a code with `problem`, naming the field.
    static func fieldError(_ problem: Problem, code: String, field: String) -> FieldError {
        let expected: String
        switch problem {
        case .length(let count): expected = expectation + ", got \(count) characters"
        case .character(let position): expected = expectation + "; character \(position) is outside that alphabet"
        case .checkCharacter(let check): expected = "check character '\(check)' as the 18th character of " + expectation
        }
        return FieldError(code: .invalidValue, field: field, expected: expected, got: "\"\(code)\"")
    }
}
