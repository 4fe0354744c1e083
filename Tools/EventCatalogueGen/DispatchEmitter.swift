/// Writes `DomainEvent`: one case per event type and every switch over them.
struct DispatchEmitter {
    let events: [Declaration]
    var out = ""

    init(_ declarations: [Declaration]) {
        events = declarations.filter(\.isEvent).sorted { $0.typeCode < $1.typeCode }
    }

    mutating func line(_ text: String = "", _ indent: Int = 0) {
        out += text.isEmpty ? "\n" : String(repeating: "    ", count: indent) + text + "\n"
    }

    /// One `case .x(let payload): return BODY` per type.
    mutating func payloadSwitch(_ header: String, _ body: String, doc: [String]) {
        line()
        for text in doc { line(text, 1) }
        line(header + " {", 1)
        line("switch self {", 2)
        for event in events { line("case .\(event.caseName)(let payload): \(body)", 2) }
        line("}", 2)
        line("}", 1)
    }

    mutating func emit() -> String {
        line("/// One event of the catalogue, whatever its type: what the store appends, projectors fold")
        line("/// and rules check. Switch over it to handle types exhaustively.")
        line("public enum DomainEvent: Sendable, Equatable {")
        for event in events { line("case \(event.caseName)(\(event.name))", 1) }
        line("}")
        line()
        line("extension DomainEvent {")
        line("/// Every payload type, in type-code order (index = code - 1).", 1)
        line("public static let payloadTypes: [any EventPayload.Type] = [", 1)
        for event in events { line("\(event.name).self,", 2) }
        line("]", 1)
        line()
        line("/// Each type's schema description and stream pattern, in type-code order (see `EventSchema`).", 1)
        line("static let schemaNotes: [(description: String, stream: String)] = [", 1)
        for event in events { line("(\(event.name).schemaDescription, \(event.name).streamPattern),", 2) }
        line("]", 1)
        payloadSwitch(
            "public var payload: any EventPayload", "return payload",
            doc: ["/// The wrapped payload, for code that treats all types alike."])
        line()
        line("/// The payload's type.", 1)
        line("public var payloadType: any EventPayload.Type {", 1)
        line("switch self {", 2)
        for event in events { line("case .\(event.caseName): return \(event.name).self", 2) }
        line("}", 2)
        line("}", 1)
        payloadSwitch(
            "public var streamId: String", "return payload.streamId",
            doc: ["/// The stream the event is appended to (`agreement-A1`, `person-p7` …)."])
        payloadSwitch(
            "public func encode(into writer: inout BinaryWriter)", "payload.encode(into: &writer)",
            doc: ["/// Writes the binary payload (no type code or version: the envelope carries those)."])
        line()
        line("/// Reads `data` as the type with `typeCode`: a jump table, no existentials, so", 1)
        line("/// every call is specialised. `nil` for an unknown code.", 1)
        line("static func fromJSON(typeCode: UInt16, _ object: JSONObject) throws(FieldError) -> DomainEvent? {", 1)
        codeSwitch { "try \($0.name)(json: object)" }
        line()
        line("/// Decodes a stored payload of the type with `typeCode`. `nil` for an unknown code.", 1)
        line("static func fromPayload(", 1)
        line("typeCode: UInt16, schemaVersion: UInt16, _ payload: UnsafeRawBufferPointer", 2)
        line(") throws(PayloadDecodingError) -> DomainEvent? {", 1)
        codeSwitch { "try \($0.name).decode(schemaVersion: schemaVersion, payload: payload)" }
        line()
        line("/// Reads `data` straight from an import line's bytes as the type with `typeCode`.", 1)
        line("static func readDirect(", 1)
        line("typeCode: UInt16, _ parser: inout JSONParser", 2)
        line(") throws(DirectReadMiss) -> DomainEvent {", 1)
        line("switch typeCode {", 2)
        for event in events {
            line("case \(event.typeCode):", 2)
            line("return .\(event.caseName)(try \(event.name).readDirect(&parser))", 3)
        }
        line("default: throw DirectReadMiss()", 2)
        line("}", 2)
        line("}", 1)
        line()
        line("/// Runs the declared checks that depend on the schema version a line was recorded at.", 1)
        line("func checkRecorded(schemaVersion: UInt16) throws(FieldError) {", 1)
        let checked = events.filter { $0.check != nil }
        if checked.isEmpty {
            line("_ = schemaVersion", 2)
        } else {
            line("switch self {", 2)
            for event in checked {
                line(
                    "case .\(event.caseName)(let payload): try payload.\(event.check ?? "")(schemaVersion: schemaVersion)",
                    2)
            }
            line("default: break", 2)
            line("}", 2)
        }
        line("}", 1)
        line("}")
        return out
    }

    mutating func codeSwitch(_ value: (Declaration) -> String) {
        line("switch typeCode {", 2)
        for event in events {
            line("case \(event.typeCode):", 2)
            line("return .\(event.caseName)(\(value(event)))", 3)
        }
        line("default: return nil", 2)
        line("}", 2)
        line("}", 1)
    }
}
