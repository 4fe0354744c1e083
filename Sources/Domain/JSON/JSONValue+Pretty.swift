/// Indented JSON for files people read and diff (the schemas in Schemas/).
extension JSONValue {
    /// Two spaces per level, one member or element per line, `": "` after keys, empty arrays
    /// and objects as `[]` and `{}`; strings as `serialized()` writes them (UTF-8, not `\u` escapes).
    public func prettySerialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        pretty(into: &out, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func pretty(into out: inout [UInt8], level: Int) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
        switch self {
        case .array(let elements) where !elements.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                element.pretty(into: &out, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                JSONValue.appendString(member.key, to: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                member.value.pretty(into: &out, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        default:
            serialize(into: &out)
        }
    }
}
