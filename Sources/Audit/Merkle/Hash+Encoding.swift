import Foundation

extension Hash: CustomStringConvertible, CustomDebugStringConvertible {
    /// Lower-case hex, the form auditors compare by eye and tools print.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(Hash.byteCount * 2)
        withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard (padded) base64, the form used in checkpoint notes.
    public var base64: String {
        Data(bytes).base64EncodedString()
    }

    /// Parses 64 hex digits (either case); `nil` for anything else.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == Hash.byteCount * 2 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Hash.byteCount)
        var index = 0
        while index < utf8.count {
            guard let high = Hash.nibble(utf8[index]), let low = Hash.nibble(utf8[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: bytes)
    }

    /// Parses standard base64 of exactly 32 bytes; `nil` for anything else.
    public init?(base64: some StringProtocol) {
        guard let data = Data(base64Encoded: String(base64)) else { return nil }
        self.init(bytes: data)
    }

    public var description: String { hex }

    public var debugDescription: String { "Hash(\(hex))" }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Hash: Codable {
    /// Decodes hex (what we write) or base64 (what checkpoint tooling writes), so proof
    /// files from either source are accepted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let hash = Hash(hex: text) ?? Hash(base64: text) {
            self = hash
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "expected a SHA-256 hash as 64 hex digits or 44 base64 characters, got \"\(text.prefix(80))\"")
        }
    }

    /// Encodes as lower-case hex.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
