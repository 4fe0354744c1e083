import Domain

/// The hostile values of docs/HOSTILE-INPUT.md for JSON records: what a user trying to wrap
/// money, drive a terminal or a spreadsheet, or slip in unreadable bytes would send.
extension InputMutator {
    /// Amounts that are implausible (over 10^12 fen) or would wrap a sum, and the boundary itself.
    static let hostileAmounts = [
        "1000000000001", "1000000000000", "9223372036854775807", "4611686018427387904", "999999999999999999",
    ]

    /// Free text that would drive a terminal or a spreadsheet (JSON-escaped, so it parses).
    static let hostileTexts = [
        #""\u001b[2J\u001b[H""#, #""title\r\nforged,row""#, #""\u009b31mred""#, #""bell\u0007""#,
        #""\u001b]0;pwned\u0007""#, #""tab\there""#, #""del\u007f""#, #""=HYPERLINK(\"http://x\",\"y\")""#,
        #""@SUM(1+1)""#, #""+cmd""#, #""-2+3""#,
    ]

    static let hostileDates = [
        "1969-12-31", "1989-12-31", "1990-01-01", "2100-12-31", "2101-01-01", "9999-12-31", "2099-06-01",
    ]

    /// The hostile-input mutations: 12 amounts, 13 control characters, 14 long text and
    /// invalid UTF-8 inside a string, 15 dates.
    func hostile(
        _ choice: Int, _ parsed: JSONValue, paths: [[JSONPaths.Step]], fallback: [JSONPaths.Step],
        _ rng: inout SeededRandom
    )
        -> ([UInt8], String, String?)
    {
        func pick(_ suits: (String, JSONValue?) -> Bool) -> [JSONPaths.Step] {
            paths.filter { suits(JSONPaths.name($0), JSONPaths.value(at: $0, in: parsed)) }.randomElement(using: &rng)
                ?? fallback
        }
        switch choice {
        case 12:
            let path = pick { name, value in
                if case .int = value {
                    return name.hasSuffix("Fen") || name.hasSuffix("personTimes") || name.hasSuffix("capacity")
                }
                return false
            }
            let amount = Self.hostileAmounts.randomElement(using: &rng)!
            let name = JSONPaths.name(path)
            // Only an implausible amount must be refused naming its field; 10^12 itself may pass or meet any rule.
            let named = name.hasSuffix("Fen") && amount != "1000000000000" ? name : nil
            return (
                JSONPaths.render(parsed, replacing: path, with: Array(amount.utf8)), "amount \(name) → \(amount)", named
            )
        case 13:
            let path = pick { name, value in
                if case .string = value { return name.hasPrefix("data.") }
                return false
            }
            let text = Self.hostileTexts.randomElement(using: &rng)!
            let name = JSONPaths.name(path)
            return (
                JSONPaths.render(parsed, replacing: path, with: Array(text.utf8)), "control text \(name) → \(text)",
                name
            )
        case 14:
            let path = pick { name, value in
                if case .string = value { return name.hasPrefix("data.") }
                return false
            }
            let name = JSONPaths.name(path)
            let variant = Int.random(in: 0..<4, using: &rng)
            var string: [UInt8]
            switch variant {
            case 0: string = Array(("\"" + String(repeating: "长", count: 1_001) + "\"").utf8)
            case 1: string = Array(("\"" + String(repeating: "a", count: 1_000) + "\"").utf8)
            case 2: string = Array(("\"" + String(repeating: "x", count: 50_000) + "\"").utf8)
            default: string = [0x22, 0x41, [0xFF, 0xC0, 0xED, 0xF8].randomElement(using: &rng)!, 0x42, 0x22]
            }
            let label = variant == 3 ? "invalid UTF-8" : "long text \(string.count - 2) bytes"
            return (JSONPaths.render(parsed, replacing: path, with: string), "\(label) \(name)", name)
        default:
            let path = pick { name, value in
                if case .string(let s) = value {
                    return name == "occurredAt" || (s.count == 10 && s.dropFirst(4).first == "-")
                }
                return false
            }
            let date = Self.hostileDates.randomElement(using: &rng)!
            let name = JSONPaths.name(path)
            // Dates inside 1990…2100 are plausible (a future occurredAt aside): any rule may then refuse them.
            let outside = date < "1990-01-01" || date > "2100-12-31" || (name == "occurredAt" && date > "2090")
            return (
                JSONPaths.render(parsed, replacing: path, with: Array("\"\(date)\"".utf8)), "date \(name) → \(date)",
                outside ? name : nil
            )
        }
    }
}
