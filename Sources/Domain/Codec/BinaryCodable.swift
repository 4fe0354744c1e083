/// A value with a binary payload form. Event structs encode field by field through this,
/// so adding a field type means one conformance, not edits in every event.
public protocol BinaryCodable: Sendable {
    func encode(into writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(PayloadDecodingError)
}

extension String: BinaryCodable {
    public func encode(into writer: inout BinaryWriter) { writer.writeString(self) }
    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) { self = try reader.readString() }
}

extension Int64: BinaryCodable {
    public func encode(into writer: inout BinaryWriter) { writer.writeZigZag(self) }
    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) { self = try reader.readZigZag() }
}

extension Int: BinaryCodable {
    public func encode(into writer: inout BinaryWriter) { writer.writeZigZag(Int64(self)) }
    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        let value = try reader.readZigZag()
        guard let narrowed = Int(exactly: value) else { throw reader.failure(.invalidValue, "an Int") }
        self = narrowed
    }
}

extension UInt64: BinaryCodable {
    public func encode(into writer: inout BinaryWriter) { writer.writeVarint(self) }
    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) { self = try reader.readVarint() }
}

extension Bool: BinaryCodable {
    public func encode(into writer: inout BinaryWriter) { writer.writeBool(self) }
    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) { self = try reader.readBool() }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    /// A presence byte (0 absent, 1 present) and then the value.
    public func encode(into writer: inout BinaryWriter) {
        if let self {
            writer.writeBool(true)
            self.encode(into: &writer)
        } else {
            writer.writeBool(false)
        }
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        self = try reader.readBool() ? .some(try Wrapped(from: &reader)) : .none
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    /// Element count, then the elements.
    public func encode(into writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.encode(into: &writer) }
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        let count = try reader.readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try Element(from: &reader)) }
        self = elements
    }
}
