/// Writes the Swift for one declared type: properties, memberwise init, field list, JSON
/// reading (from the tree and straight from bytes), JSON writing and the binary codec.
struct PayloadEmitter {
    let declaration: Declaration
    var out = ""

    init(_ declaration: Declaration) { self.declaration = declaration }

    var fields: [Field] { declaration.fields }

    mutating func line(_ text: String = "", _ indent: Int = 0) {
        out += text.isEmpty ? "\n" : String(repeating: "    ", count: indent) + text + "\n"
    }

    static func literal(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    mutating func emit() -> String {
        let d = declaration
        let indent = d.isEvent ? 0 : 1
        if !d.isEvent { line("extension \(d.name.split(separator: ".").dropLast().joined(separator: ".")) {") }
        for doc in d.doc { line(doc, indent) }
        let conformances = d.isEvent ? "EventPayload" : "JSONObjectCodable, BinaryCodable"
        line("public struct \(d.shortName): \(conformances) {", indent)
        let i = indent + 1
        if d.isEvent {
            line("public static let typeName = \(Self.literal(d.shortName))", i)
            line("public static let typeCode: UInt16 = \(d.typeCode)", i)
            line("public static let schemaVersion: UInt16 = \(d.schemaVersion)", i)
        }
        line("public static let fields: [FieldSpec] = [", i)
        for field in fields {
            line(
                "FieldSpec(\(Self.literal(field.name)), \(field.kind)\(field.isOptional ? ", required: false" : "")),",
                i + 1)
        }
        line("]", i)
        if d.isEvent {
            line("/// The schema's description (the first paragraph above).", i)
            line("static let schemaDescription = \(Self.literal(d.description))", i)
            line("/// How `streamId` is formed, for the schema.", i)
            line("static let streamPattern = \(Self.literal(d.streamPattern))", i)
        }
        line()
        for field in fields {
            for doc in field.doc { line(doc, i) }
            line("public var \(field.name): \(field.type)", i)
        }
        line()
        let parameters = fields.map { "\($0.name): \($0.type)\($0.isOptional ? " = nil" : "")" }
        line("public init(\(parameters.joined(separator: ", "))) {", i)
        for field in fields { line("self.\(field.name) = \(field.name)", i + 1) }
        line("}", i)
        line()
        if d.isEvent {
            line("public var streamId: String { \(d.stream) }", i)
            line("public var event: DomainEvent { .\(d.caseName)(self) }", i)
            line()
        }
        emitTreeReading(i)
        emitJSONWriting(i)
        emitBinary(i)
        emitVersions(i)
        emitDirectReading(i)
        line("}", indent)
        if !d.isEvent { line("}") }
        return out
    }

    mutating func emitTreeReading(_ i: Int) {
        let d = declaration
        func readFields(_ path: String) {
            line("let reader = try FieldReader(object, fields: Self.fields\(path))", i + 1)
            for field in fields {
                line(
                    "\(field.name) = try reader.\(field.isOptional ? "optional" : "required")(\(Self.literal(field.name)))",
                    i + 1)
            }
        }
        if !d.isEvent {
            line("public init(json object: JSONObject, path: String) throws(FieldError) {", i)
            readFields(", path: path")
            line("}", i)
            line()
            return
        }
        if let check = d.check {
            line("public init(json object: JSONObject) throws(FieldError) {", i)
            line("try self.init(json: object, checkedAt: Self.schemaVersion)", i + 1)
            line("}", i)
            line()
            line("/// Reads the fields, then checks what depends on the version the line was recorded at.", i)
            line("init(json object: JSONObject, checkedAt version: UInt16) throws(FieldError) {", i)
            readFields("")
            line("try \(check)(schemaVersion: version)", i + 1)
            line("}", i)
            line()
            line("public static func decode(json: JSONObject, schemaVersion: UInt16) throws(FieldError) -> Self {", i)
            line("try Self(json: json, checkedAt: schemaVersion)", i + 1)
            line("}", i)
        } else {
            line("public init(json object: JSONObject) throws(FieldError) {", i)
            readFields("")
            line("}", i)
        }
        line()
    }

    mutating func emitJSONWriting(_ i: Int) {
        line("public func jsonObject() -> JSONObject {", i)
        line("var object = JSONObject(minimumCapacity: \(fields.count))", i + 1)
        for field in fields {
            let append = "object.append(\(Self.literal(field.name)), \(field.name).jsonValue)"
            line(field.isOptional ? "if let \(field.name) { \(append) }" : append, i + 1)
        }
        line("return object", i + 1)
        line("}", i)
        line()
    }

    mutating func emitBinary(_ i: Int) {
        line("public func encode(into writer: inout BinaryWriter) {", i)
        for field in fields { line("writer.write(\(field.name))", i + 1) }
        line("}", i)
        line()
        line("public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {", i)
        for field in fields { line("\(field.name) = try reader.read()", i + 1) }
        line("}", i)
    }

    /// Upcasting and writing back at older versions: a version's layout is the fields it had.
    mutating func emitVersions(_ i: Int) {
        let d = declaration
        guard d.isEvent, d.schemaVersion > 1 else { return }
        let range = d.schemaVersion == 2 ? "1 or 2" : "1…\(d.schemaVersion)"
        line()
        line(
            "public static func upcast(from version: UInt16, reader: inout BinaryReader) throws(PayloadDecodingError)",
            i)
        line("-> Self", i + 1)
        line("{", i)
        line("switch version {", i + 1)
        for version in 1..<d.schemaVersion {
            line("case \(version):", i + 1)
            for field in fields where field.since <= version {
                line("let \(field.name): \(field.type) = try reader.read()", i + 2)
            }
            let arguments = fields.map { "\($0.name): \($0.since <= version ? $0.name : "nil")" }
            line("return Self(\(arguments.joined(separator: ", ")))", i + 2)
        }
        line("default:", i + 1)
        line(
            "throw reader.failure(.unsupportedSchemaVersion, \"\(d.shortName) schema version \(range), got \\(version)\")",
            i + 2)
        line("}", i + 1)
        line("}", i)
        line()
        line("public func encodePayload(schemaVersion version: UInt16) -> [UInt8]? {", i)
        line("switch version {", i + 1)
        line("case Self.schemaVersion: return encodePayload()", i + 1)
        for version in 1..<d.schemaVersion {
            let later = fields.filter { $0.since > version }.map { "\($0.name) == nil" }
            line("case \(version) where \(later.joined(separator: " && ")):", i + 1)
            line("var writer = BinaryWriter()", i + 2)
            for field in fields where field.since <= version { line("writer.write(\(field.name))", i + 2) }
            line("return writer.bytes", i + 2)
        }
        line("default: return nil", i + 1)
        line("}", i + 1)
        line("}", i)
    }

    mutating func emitDirectReading(_ i: Int) {
        line()
        if declaration.isEvent {
            line("/// Reads the `data` object straight from the line's bytes (see `JSONParser+Direct.swift`).", i)
            line("/// Version-dependent checks (`check`) are left to `DomainEvent.checkRecorded(schemaVersion:)`.", i)
            line("static func readDirect(_ parser: inout JSONParser) throws(DirectReadMiss) -> Self {", i)
        } else {
            line(
                "static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> Self {",
                i)
        }
        for field in fields { line("var \(field.name): \(field.baseType)? = nil", i + 1) }
        line("var seen: UInt64 = 0", i + 1)
        line("var first = true", i + 1)
        line("try parser.directObjectStart()", i + 1)
        line("while let key = try parser.directNextKey(first: &first) {", i + 1)
        for (index, field) in fields.enumerated() {
            let keyword = index == 0 ? "if" : "} else if"
            line("\(keyword) JSONParser.key(key, is: \(Self.literal(field.name))) {", i + 2)
            line("try JSONParser.mark(&seen, \(index))", i + 3)
            let read =
                field.isEnumeration
                ? "try parser.directEnum(\(field.baseType).self)"
                : "try \(field.baseType).readDirect(&parser, kind: Self.fields[\(index)].kind)"
            if field.isOptional {
                line("if !parser.directNull() { \(field.name) = \(read) }", i + 3)
            } else {
                line("\(field.name) = \(read)", i + 3)
            }
        }
        line("} else {", i + 2)
        line("throw DirectReadMiss()", i + 3)
        line("}", i + 2)
        line("}", i + 1)
        let required = fields.filter { !$0.isOptional }.map { "let \($0.name)" }
        if !required.isEmpty {
            line("guard \(required.joined(separator: ", ")) else { throw DirectReadMiss() }", i + 1)
        }
        let arguments = fields.map { "\($0.name): \($0.name)" }
        line("return Self(\(arguments.joined(separator: ", ")))", i + 1)
        line("}", i)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
