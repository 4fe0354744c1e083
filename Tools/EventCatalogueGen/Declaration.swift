/// One payload type as its `.events` file declares it.
struct Declaration {
    /// `event` types are cases of `DomainEvent`; `object` types are nested values such as demand items.
    var isEvent: Bool
    /// `MemberAdmitted`, or `DemandListPublished.Item` for a nested object.
    var name: String
    var doc: [String]
    var typeCode = 0
    var schemaVersion = 1
    /// The Swift expression of `streamId`, e.g. `"member-" + memberId`.
    var stream = ""
    /// A hand-written `func NAME(schemaVersion:) throws(FieldError)` run after the fields are read.
    var check: String?
    /// The schema's description when it is not the doc comment's first paragraph.
    var schemaDescription: String?
    var fields: [Field] = []
    var file: String
    var line: Int

    var shortName: String { name.split(separator: ".").last.map(String.init) ?? name }

    /// `memberAdmitted` for `MemberAdmitted`, `kpiTargetSet` for `KPITargetSet`.
    var caseName: String {
        let characters = Array(shortName)
        var upper = 0
        while upper < characters.count, characters[upper].isUppercase { upper += 1 }
        let lowered = upper > 1 && upper < characters.count ? upper - 1 : max(upper, 1)
        return characters[0..<lowered].map { $0.lowercased() }.joined() + String(characters[lowered...])
    }

    /// `member-<memberId>` for `"member-" + memberId`, `kpi-<year>-<metric>` for an interpolation.
    var streamPattern: String {
        var text = stream
        if let plus = text.range(of: "\" + ") {
            text =
                String(text[text.index(after: text.startIndex)..<plus.lowerBound]) + "<" + text[plus.upperBound...]
                + ">"
            return text
        }
        text = String(text.dropFirst().dropLast())
        while let open = text.range(of: "\\("), let close = text[open.upperBound...].firstIndex(of: ")") {
            let inner = text[open.upperBound..<close].split(separator: ".").first.map(String.init) ?? ""
            text.replaceSubrange(open.lowerBound...close, with: "<" + inner + ">")
        }
        return text
    }

    /// The schema description: the override, or the doc comment's first paragraph on one line.
    var description: String {
        if let schemaDescription { return schemaDescription }
        var words: [String] = []
        for line in doc {
            let text = line.dropFirst(3).trimmingCharacters(in: " ")
            if text.isEmpty { break }
            words.append(text)
        }
        return words.joined(separator: " ")
    }
}

/// One `data` field: `name: Type = .kind [since N]`.
struct Field {
    var name: String
    /// The Swift type as written, `String?` or `[Item]`.
    var type: String
    /// The `FieldKind` expression as written, e.g. `.identifier` or `.enumeration(MemberKind.self)`.
    var kind: String
    var doc: [String]
    /// The schema version that added the field (older payloads are upcast without it).
    var since = 1

    var isOptional: Bool { type.hasSuffix("?") }
    var baseType: String { isOptional ? String(type.dropLast()) : type }
    var isEnumeration: Bool { kind.hasPrefix(".enumeration(") }
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }

    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) {
                return start..<index(start, offsetBy: needle.count)
            }
            start = index(after: start)
        }
        return nil
    }
}
