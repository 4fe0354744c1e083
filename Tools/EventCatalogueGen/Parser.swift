/// Reads `.events` files: a declaration line (`event NAME code N version V stream EXPR`, or
/// `object OUTER.NAME`), then its indented fields (`name: Type = .kind [since N]`) and
/// options (`check NAME`, `schema "…"`). `///` lines document what follows; `#` lines are notes.
struct CatalogueParser {
    struct Failure: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var message: String
        var description: String { "\(file):\(line): error: \(message)" }
    }

    static func parse(_ text: String, file: String) throws -> [Declaration] {
        var declarations: [Declaration] = []
        var doc: [String] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: " ")
            let indented = raw.hasPrefix(" ")
            func fail(_ message: String) -> Failure { Failure(file: file, line: number, message: message) }
            if line.isEmpty || line.hasPrefix("#") {
                if !indented { doc = [] }
                continue
            }
            if line.hasPrefix("///") {
                doc.append(line)
                continue
            }
            if !indented {
                let words = line.split(separator: " ", maxSplits: 7).map(String.init)
                if words.first == "event" {
                    guard words.count == 8, words[2] == "code", words[4] == "version", words[6] == "stream",
                        let code = Int(words[3]), let version = Int(words[5])
                    else { throw fail("expected `event NAME code N version V stream EXPR`") }
                    var declaration = Declaration(isEvent: true, name: words[1], doc: doc, file: file, line: number)
                    declaration.typeCode = code
                    declaration.schemaVersion = version
                    declaration.stream = words[7]
                    declarations.append(declaration)
                } else if words.first == "object", words.count == 2, words[1].contains(".") {
                    declarations.append(Declaration(isEvent: false, name: words[1], doc: doc, file: file, line: number))
                } else {
                    throw fail("expected `event …` or `object OUTER.NAME`")
                }
                doc = []
                continue
            }
            guard !declarations.isEmpty else { throw fail("a field before any declaration") }
            if line.hasPrefix("check ") {
                declarations[declarations.count - 1].check = String(line.dropFirst(6))
            } else if line.hasPrefix("schema \""), line.hasSuffix("\"") {
                declarations[declarations.count - 1].schemaDescription = String(line.dropFirst(8).dropLast())
            } else {
                declarations[declarations.count - 1].fields.append(try field(line, doc: doc, fail: fail))
            }
            doc = []
        }
        return declarations
    }

    static func field(_ line: String, doc: [String], fail: (String) -> Failure) throws -> Field {
        guard let colon = line.firstIndex(of: ":"), let equals = line.range(of: " = ") else {
            throw fail("expected `name: Type = .kind [since N]`")
        }
        let name = String(line[..<colon])
        let type = line[line.index(after: colon)..<equals.lowerBound].trimmingCharacters(in: " ")
        var kind = String(line[equals.upperBound...])
        var since = 1
        if let marker = kind.range(of: " since ") {
            guard let version = Int(kind[marker.upperBound...]) else { throw fail("expected `since N`") }
            since = version
            kind = String(kind[..<marker.lowerBound])
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw fail("expected a field name of letters and digits")
        }
        return Field(name: name, type: type, kind: kind, doc: doc, since: since)
    }

    /// The rules the generated code relies on: dense codes, fields added later are optional and last.
    static func check(_ declarations: [Declaration]) throws {
        let events = declarations.filter(\.isEvent)
        for (index, event) in events.sorted(by: { $0.typeCode < $1.typeCode }).enumerated()
        where event.typeCode != index + 1 {
            throw Failure(file: event.file, line: event.line, message: "type codes must be dense from 1")
        }
        for declaration in declarations {
            var latest = 1
            for field in declaration.fields {
                let failure = Failure(file: declaration.file, line: declaration.line, message: "")
                if field.since < latest || field.since > declaration.schemaVersion {
                    throw Failure(
                        file: failure.file, line: failure.line,
                        message: "\(field.name): fields added by later versions come last, at most version "
                            + "\(declaration.schemaVersion)")
                }
                if field.since > 1, !field.isOptional {
                    throw Failure(
                        file: failure.file, line: failure.line,
                        message: "\(field.name): a field added in version \(field.since) must be optional")
                }
                latest = field.since
            }
            if declaration.fields.count > 64 {
                throw Failure(file: declaration.file, line: declaration.line, message: "at most 64 fields")
            }
        }
    }
}
