import Domain
import Foundation

/// The three import formats a fuzz case can be written in.
public enum FuzzFormat: String, CaseIterable, Sendable {
    case jsonl, json, csv
}

/// One mutated import file: valid records with one (sometimes several) damaged.
public struct FuzzCase: Sendable {
    public var format: FuzzFormat
    public var bytes: [UInt8]
    /// Records in the file before mutation.
    public var records: Int
    /// 1-based index of the first mutated record; records before it are intact.
    public var mutated: Int
    /// What was done, e.g. `type-swap data.capacity → "x"`.
    public var mutation: String
    /// The field the mutation aimed at, when it aimed at one (`occurredAt`, `data.memberId`).
    public var field: String?

    /// Whether the mutation is one of the hostile values of docs/HOSTILE-INPUT.md.
    public var isHostile: Bool {
        ["amount ", "control text ", "long text", "invalid UTF-8", "date ", "hostile "].contains {
            mutation.hasPrefix($0)
        }
    }

    /// The line (JSONL), or the line/element/row a reported issue must not precede.
    public var firstPossibleLine: Int {
        switch format {
        case .jsonl: mutated
        case .json, .csv: mutated + 1  // `[` and the CSV header take line 1
        }
    }
}

/// Builds fuzz cases from valid records: byte flips, truncations, field deletions, type swaps,
/// huge numbers, odd Unicode and invalid UTF-8, deep nesting, unknown and duplicate keys,
/// control bytes, and for CSV missing/extra cells, stray quotes and embedded newlines; and the
/// hostile values of docs/HOSTILE-INPUT.md: amounts past 10^12 fen up to Int64.max, escape
/// sequences and other control characters in free text, text just over 1,000 characters,
/// dates outside 1990…2100 or in the future, invalid UTF-8 inside a record.
public struct InputMutator: Sendable {
    /// Valid JSONL records (each valid given the ledger's state and the records before it).
    public let lines: [String]
    /// The same records as CSV: the header's cells and each record's cells.
    public let csvHeader: [String]
    public let csvRows: [[String]]

    public init(lines: [String], csv: String) {
        self.lines = lines
        let table = CSVText.parse(csv)
        csvHeader = table.first ?? []
        csvRows = Array(table.dropFirst())
    }

    /// A case with 1…`maxRecords` records starting at the first one.
    public func makeCase(_ rng: inout SeededRandom, maxRecords: Int = 12) -> FuzzCase {
        let format = FuzzFormat.allCases.randomElement(using: &rng)!
        let count = Int.random(in: 1...min(maxRecords, lines.count), using: &rng)
        let target = Int.random(in: 0..<count, using: &rng)
        return makeCase(format: format, records: count, mutating: target, &rng)
    }

    public func makeCase(format: FuzzFormat, records count: Int, mutating target: Int, _ rng: inout SeededRandom)
        -> FuzzCase
    {
        switch format {
        case .jsonl, .json:
            var texts = Array(lines.prefix(count)).map { Array($0.utf8) }
            var (mutated, label, field) = mutateJSON(texts[target], &rng)
            if Int.random(in: 0..<8, using: &rng) == 0 {  // sometimes a second blow to the same record
                let second = mutateJSON(mutated, &rng)
                mutated = second.0
                label += " + " + second.1
                field = nil
            }
            texts[target] = mutated
            var bytes: [UInt8]
            if format == .jsonl {
                bytes = Array(texts.joined(separator: [0x0A]))
            } else {
                bytes = Array("[\n".utf8) + Array(texts.joined(separator: Array(",\n".utf8))) + Array("\n]\n".utf8)
            }
            if label.hasPrefix("truncate") {
                // A cut record ends the file there, as an interrupted upload would.
                let prefix = Array(texts[..<target].joined(separator: format == .jsonl ? [0x0A] : Array(",\n".utf8)))
                let head = format == .jsonl ? prefix : Array("[\n".utf8) + prefix
                let separator: [UInt8] = target == 0 ? [] : (format == .jsonl ? [0x0A] : Array(",\n".utf8))
                bytes = head + separator + texts[target]
            }
            return FuzzCase(
                format: format, bytes: bytes, records: count, mutated: target + 1, mutation: label, field: field)
        case .csv:
            var rows = Array(csvRows.prefix(count))
            let (text, label, field) = mutateCSV(row: rows[target], &rng)
            var bytes = Array(CSVText.line(csvHeader).utf8) + [0x0A]
            for (index, row) in rows.enumerated() {
                if index == target {
                    bytes += text
                    if label.hasPrefix("truncate") { break }
                } else {
                    bytes += Array(CSVText.line(row).utf8)
                }
                bytes.append(0x0A)
            }
            rows.removeAll()
            return FuzzCase(
                format: .csv, bytes: bytes, records: count, mutated: target + 1, mutation: label, field: field)
        }
    }

    // MARK: JSON records

    static let hugeNumbers = [
        "1e400", "-1e400", "99999999999999999999999999999", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1.7976931348623157e309", "4.9e-325", "-0", "0.0000000000000000000000001",
        "123456789012345678901234567890.5", "1E+2147483648", "00012", "+5", ".5", "5.", "0x10", "NaN", "Infinity",
    ]

    /// Raw JSON string literals (with their quotes), some of them invalid.
    static let oddStrings: [[UInt8]] = [
        Array(#""\u0000""#.utf8), Array(#""\ud800""#.utf8), Array(#""\udc00\ud800""#.utf8),
        Array(#""\u202e\u202dgov-1""#.utf8), Array("\"😀🏳️‍🌈\"".utf8), Array("\"e\u{301}\u{301}\u{301}\"".utf8),
        Array("\"\u{FEFF}\"".utf8), Array("\"市域产教联合体\"".utf8), Array(#""\\""#.utf8), Array(#""\x41""#.utf8),
        [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xFF, 0xFE, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
        [0x22, 0x41, 0x0A, 0x42, 0x22], [0x22, 0x09, 0x22], [0x22, 0x00, 0x22], [0x22, 0xE4, 0xB8, 0x22],
        Array(("\"" + String(repeating: "ж", count: 40_000) + "\"").utf8), Array("\"\"".utf8), Array("\" \"".utf8),
    ]

    static func nesting(_ depth: Int, array: Bool) -> [UInt8] {
        array
            ? Array(String(repeating: "[", count: depth).utf8) + Array(String(repeating: "]", count: depth).utf8)
            : Array(String(repeating: #"{"a":"#, count: depth).utf8) + Array("1".utf8)
                + Array(String(repeating: "}", count: depth).utf8)
    }

    static let depths = [2, 100, 511, 512, 513, 4_000, 100_000]

    func mutateJSON(_ text: [UInt8], _ rng: inout SeededRandom) -> ([UInt8], String, String?) {
        let parsed = try? JSONValue.parse(text)
        let paths = parsed.map { JSONPaths.all(in: $0) } ?? []
        let choice = Int.random(in: 0..<16, using: &rng)
        if paths.isEmpty || choice < 2 || text.isEmpty {
            if choice == 1 || text.isEmpty { return raw(text, flip: false, &rng) }
            return raw(text, flip: true, &rng)
        }
        let path = paths.randomElement(using: &rng)!
        let name = JSONPaths.name(path)
        switch choice {
        case 2:
            return (JSONPaths.render(parsed!, replacing: path, with: nil), "delete \(name)", name)
        case 3:
            let current = JSONPaths.value(at: path, in: parsed!)
            let replacement = JSONPaths.otherType(than: current, &rng)
            return (
                JSONPaths.render(parsed!, replacing: path, with: replacement),
                "type-swap \(name) → \(String(decoding: replacement, as: UTF8.self).prefix(20))", name
            )
        case 4:
            let number = Self.hugeNumbers.randomElement(using: &rng)!
            return (
                JSONPaths.render(parsed!, replacing: path, with: Array(number.utf8)), "number \(name) → \(number)", name
            )
        case 5:
            let string = Self.oddStrings.randomElement(using: &rng)!
            return (
                JSONPaths.render(parsed!, replacing: path, with: string),
                "unicode \(name) → \(String(decoding: string.prefix(16), as: UTF8.self))", name
            )
        case 6:
            let depth = Self.depths.randomElement(using: &rng)!
            let array = Bool.random(using: &rng)
            return (
                JSONPaths.render(parsed!, replacing: path, with: Self.nesting(depth, array: array)),
                "nesting \(name) depth \(depth)", name
            )
        case 7:
            let key = ["zz", "Type", "type ", "data2", "recorded", "\u{0}", "id\u{301}", "__proto__", ""].randomElement(
                using: &rng)!
            let inData = Bool.random(using: &rng)
            let target: [JSONPaths.Step] = inData ? [.key("data")] : []
            let name = inData ? "data.\(key)" : key
            return (
                JSONPaths.render(parsed!, inserting: key, value: Array(#""x""#.utf8), into: target),
                "unknown field \(name)", name
            )
        case 8:
            let top = paths.filter { $0.count == 1 }.randomElement(using: &rng) ?? path
            let dup = JSONPaths.otherType(than: JSONPaths.value(at: top, in: parsed!), &rng)
            if case .key(let key) = top.last! {
                return (JSONPaths.render(parsed!, inserting: key, value: dup, into: []), "duplicate key \(key)", nil)
            }
            return raw(text, flip: true, &rng)
        case 12...15:
            return hostile(choice, parsed!, paths: paths, fallback: path, &rng)
        case 9:
            let long = Bool.random(using: &rng)
            let string = long ? Array(("\"" + String(repeating: "A", count: 70_000) + "\"").utf8) : Array("\"\"".utf8)
            return (
                JSONPaths.render(parsed!, replacing: path, with: string), "\(long ? "long" : "empty") string \(name)",
                name
            )
        default:
            var bytes = text
            let at = Int.random(in: 0...bytes.count, using: &rng)
            let junk: [UInt8] = [[0x00], [0x0D], [0x1B, 0x5B, 0x32, 0x4A], [0x7F], [0xEF, 0xBB, 0xBF], [0x0C]]
                .randomElement(using: &rng)!
            bytes.insert(contentsOf: junk, at: at)
            return (bytes, "control bytes \(junk) at \(at)", nil)
        }
    }

    func raw(_ text: [UInt8], flip: Bool, _ rng: inout SeededRandom) -> ([UInt8], String, String?) {
        if text.isEmpty { return (Array("{".utf8), "truncate to {", nil) }
        if flip {
            var bytes = text
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            let mask = UInt8.random(in: 1...255, using: &rng)
            bytes[at] ^= mask
            return (bytes, "flip byte \(at) xor \(mask)", nil)
        }
        let length = Int.random(in: 0..<text.count, using: &rng)
        return (Array(text.prefix(length)), "truncate at \(length)", nil)
    }

    // MARK: CSV records

    func mutateCSV(row: [String], _ rng: inout SeededRandom) -> ([UInt8], String, String?) {
        var cells = row
        let column = Int.random(in: 0..<cells.count, using: &rng)
        let name = column < csvHeader.count ? csvHeader[column] : "column \(column + 1)"
        switch Int.random(in: 0..<13, using: &rng) {
        case 0:
            var bytes = Array(CSVText.line(cells).utf8)
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            let mask = UInt8.random(in: 1...255, using: &rng)
            bytes[at] ^= mask
            return (bytes, "flip byte \(at) xor \(mask)", nil)
        case 1:
            let bytes = Array(CSVText.line(cells).utf8)
            let length = Int.random(in: 0..<bytes.count, using: &rng)
            return (Array(bytes.prefix(length)), "truncate at \(length)", nil)
        case 2:
            cells.remove(at: column)
            return (Array(CSVText.line(cells).utf8), "delete cell \(name)", nil)
        case 3:
            cells.insert("extra", at: column)
            return (Array(CSVText.line(cells).utf8), "extra cell before \(name)", nil)
        case 4:
            let value = ["abc", "1.5", "-7", "true", "null", "[]", "{}", "2025-13-45", "０１２"].randomElement(
                using: &rng)!
            let old = cells[column]
            cells[column] = value
            return (
                Array(CSVText.line(cells).utf8), "type-swap \(name) \(old.prefix(12)) → \(value)",
                old.isEmpty || old == value ? nil : name
            )
        case 5:
            cells[column] = Self.hugeNumbers.randomElement(using: &rng)!
            return (Array(CSVText.line(cells).utf8), "number \(name) → \(cells[column])", nil)
        case 6:
            var bytes = Array(CSVText.line(Array(cells[..<column])).utf8)
            if column > 0 { bytes.append(0x2C) }
            let odd: [UInt8] = [
                [0xC0, 0xAF], [0xFF], [0xED, 0xA0, 0x80], Array("😀".utf8), [0x00], Array("\u{202E}".utf8),
            ]
            .randomElement(using: &rng)!
            bytes += Array(CSVText.cell(cells[column]).utf8) + odd
            if column + 1 < cells.count { bytes += [0x2C] + Array(CSVText.line(Array(cells[(column + 1)...])).utf8) }
            return (bytes, "unicode bytes \(odd) in \(name)", nil)
        case 7:
            let depth = Self.depths.randomElement(using: &rng)!
            cells[column] = String(decoding: Self.nesting(depth, array: Bool.random(using: &rng)), as: UTF8.self)
            return (Array(CSVText.line(cells).utf8), "nesting in \(name) depth \(depth)", nil)
        case 8:
            var bytes = Array(CSVText.line(cells).utf8)
            bytes.insert(0x22, at: Int.random(in: 0...bytes.count, using: &rng))
            return (bytes, "stray quote", nil)
        case 9:
            cells[column] += ["\n", "\r\n", "\r", "\"\n\""].randomElement(using: &rng)!
            return (Array(CSVText.line(cells).utf8), "newline in \(name)", nil)
        case 11:
            // Hostile values in a cell: a formula, an escape sequence, an amount past 10^12 fen.
            let value = [
                "=1+1", "\u{1B}[2J", "1000000000001", "9223372036854775807", "a\r\nb", "\u{9B}x", "9999-12-31",
            ]
            .randomElement(using: &rng)!
            cells[column] = value
            return (Array(CSVText.line(cells).utf8), "hostile \(name) → \(value.debugDescription)", nil)
        case 12:
            cells[column] = String(repeating: "字", count: Int.random(in: 999...1_002, using: &rng))
            return (Array(CSVText.line(cells).utf8), "long text in \(name)", nil)
        default:
            cells[column] = String(repeating: "9", count: Int.random(in: 19...400, using: &rng))
            return (Array(CSVText.line(cells).utf8), "long digits in \(name)", nil)
        }
    }
}

/// Paths into a JSON value, and re-rendering it with one path changed (the new value is raw
/// text, so it may be something no JSON library would produce).
enum JSONPaths {
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    static func all(in value: JSONValue, prefix: [Step] = []) -> [[Step]] {
        var out: [[Step]] = []
        switch value {
        case .object(let object):
            for member in object.members {
                let path = prefix + [.key(member.key)]
                out.append(path)
                out += all(in: member.value, prefix: path)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                let path = prefix + [.index(index)]
                out.append(path)
                out += all(in: element, prefix: path)
            }
        default: break
        }
        return out
    }

    static func name(_ path: [Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    static func value(at path: [Step], in value: JSONValue) -> JSONValue? {
        var current = value
        for step in path {
            switch (step, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return nil }
                current = next
            case (.index(let i), .array(let elements)):
                guard i < elements.count else { return nil }
                current = elements[i]
            default: return nil
            }
        }
        return current
    }

    static func otherType(than value: JSONValue?, _ rng: inout SeededRandom) -> [UInt8] {
        var options = ["null", "true", "0", "-1", "1.5", #""x""#, "[]", "{}", #"["a",1]"#, #"{"k":"v"}"#]
        switch value {
        case .null: options.removeAll { $0 == "null" }
        case .bool: options.removeAll { $0 == "true" }
        case .int, .double: options.removeAll { ["0", "-1", "1.5"].contains($0) }
        case .string: options.removeAll { $0 == #""x""# }
        case .array: options.removeAll { $0.hasPrefix("[") }
        case .object: options.removeAll { $0.hasPrefix("{") }
        case nil: break
        }
        return Array(options.randomElement(using: &rng)!.utf8)
    }

    /// `value` rendered with the element at `path` replaced by raw text, or removed when nil.
    static func render(_ value: JSONValue, replacing path: [Step], with replacement: [UInt8]?) -> [UInt8] {
        var out: [UInt8] = []
        write(value, path: path[...], replacement: replacement, insert: nil, into: &out)
        return out
    }

    /// `value` rendered with a member added (last) to the object at `path`.
    static func render(_ value: JSONValue, inserting key: String, value raw: [UInt8], into path: [Step]) -> [UInt8] {
        var out: [UInt8] = []
        write(value, path: path[...], replacement: nil, insert: (key, raw), into: &out, insertHere: path.isEmpty)
        return out
    }

    private static func write(
        _ value: JSONValue, path: ArraySlice<Step>?, replacement: [UInt8]?, insert: (String, [UInt8])?,
        into out: inout [UInt8], insertHere: Bool = false
    ) {
        switch value {
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                var childPath: ArraySlice<Step>? = nil
                if let path, let step = path.first, step == .key(member.key) { childPath = path.dropFirst() }
                if let childPath, childPath.isEmpty, insert == nil, replacement == nil { continue }  // deleted
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.string(member.key).serialize(into: &out)
                out.append(UInt8(ascii: ":"))
                if let childPath, childPath.isEmpty, insert == nil, let replacement {
                    out += replacement
                } else {
                    write(
                        member.value, path: childPath, replacement: replacement, insert: insert, into: &out,
                        insertHere: childPath?.isEmpty == true && insert != nil)
                }
            }
            if insertHere, let (key, raw) = insert {
                if !first { out.append(UInt8(ascii: ",")) }
                JSONValue.string(key).serialize(into: &out)
                out.append(UInt8(ascii: ":"))
                out += raw
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            var first = true
            for (index, element) in elements.enumerated() {
                var childPath: ArraySlice<Step>? = nil
                if let path, let step = path.first, step == .index(index) { childPath = path.dropFirst() }
                if let childPath, childPath.isEmpty, insert == nil, replacement == nil { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                if let childPath, childPath.isEmpty, insert == nil, let replacement {
                    out += replacement
                } else {
                    write(
                        element, path: childPath, replacement: replacement, insert: insert, into: &out,
                        insertHere: childPath?.isEmpty == true && insert != nil)
                }
            }
            out.append(UInt8(ascii: "]"))
        default:
            value.serialize(into: &out)
        }
    }
}

/// Minimal RFC 4180 reading and writing for building CSV fuzz cases.
enum CSVText {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        cell.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }

    static func cell(_ value: String) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func line(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") }
}
