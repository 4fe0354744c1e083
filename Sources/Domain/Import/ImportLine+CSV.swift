extension ImportLine {
    /// The envelope columns a CSV file may have; every other column is `data.<field>`.
    public static let csvEnvelopeColumns = [
        "id", "type", "occurredAt", "actor", "expectedVersion", "causationId", "correlationId",
    ]

    /// Maps one CSV row to an import line. Cells are typed by the event type's `FieldSpec`s:
    /// integers and `true`/`false` become JSON numbers and booleans, array fields hold JSON
    /// text, and an empty cell means the field is absent. Errors name the column's field.
    public static func parse(csvHeader: [String], row: CSVRow) throws(ImportFieldError) -> ImportLine {
        try parse(.object(csvObject(header: csvHeader, cells: row.fields)))
    }

    /// The import-line JSON object a CSV row stands for (exposed for tools that convert files).
    public static func csvObject(header: [String], cells: [String]) throws(ImportFieldError) -> JSONObject {
        guard cells.count == header.count else {
            throw ImportFieldError(
                code: .malformedCell, field: "line", expected: "\(header.count) cells as in the header",
                got: "\(cells.count) cells")
        }
        let typeName = header.firstIndex(of: "type").map { cells[$0] } ?? ""
        let fields = DomainEvent.payloadType(named: typeName)?.fields ?? []
        var object = JSONObject(minimumCapacity: header.count)
        var data = JSONObject(minimumCapacity: 8)
        for (column, cell) in zip(header, cells) where !cell.isEmpty {
            if column.hasPrefix("data.") {
                let name = String(column.dropFirst(5))
                let kind = fields.first(where: { $0.name == name })?.kind
                data.append(name, try coerce(cell, kind: kind, field: column, typeName: typeName))
            } else if column == "expectedVersion" {
                object.append(column, Int64(cell).map(JSONValue.int) ?? .string(cell))
            } else if csvEnvelopeColumns.contains(column) {
                object.append(column, .string(cell))
            } else {
                throw ImportFieldError(
                    code: .unknownField, field: column,
                    expected: (csvEnvelopeColumns + ["data.<field>"]).joined(separator: ", "))
            }
        }
        object.append("data", .object(data))
        return object
    }

    /// Turns a cell into the JSON value its field kind wants. A cell that does not convert is
    /// passed on as a string, so that the field check reports it ("expected an integer ≥ 0,
    /// got \"ten\"") with the same words as for JSON input.
    static func coerce(_ cell: String, kind: FieldKind?, field: String, typeName: String) throws(ImportFieldError)
        -> JSONValue
    {
        switch kind {
        case .integer:
            return Int64(cell).map(JSONValue.int) ?? .string(cell)
        case .boolean:
            switch cell.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .string(cell)
            }
        case .array, .object:
            do {
                return try JSONValue.parse(cell)
            } catch {
                throw ImportFieldError(
                    code: .malformedCell, field: field,
                    expected: "JSON text in the cell, e.g. [\"M1\",\"M2\"] (\(error.description))",
                    got: "\"\(cell.prefix(40))\"", eventType: typeName)
            }
        case .string, .date, .enumeration, nil:
            return .string(cell)
        }
    }
}
