import Domain
import Foundation

/// Walks the records of one input in order, parsing each into an `ImportLine` or an issue.
/// Lines written by `ledger log --format jsonl` or the export (with their `recorded` block)
/// are accepted: the recorded envelope is the ledger's, not the submitter's, and is ignored.
enum ImportRecords {
    typealias Visitor = (ImportLocation, Result<ImportLine, ImportIssue>) throws -> Void

    static func forEach(in input: ImportInput, _ visit: Visitor) throws {
        switch input.format {
        case .jsonl: try forEachJSONLine(input, visit)
        case .json: try forEachArrayElement(input, visit)
        case .csv: try forEachCSVRow(input, visit)
        }
    }

    private static func forEachJSONLine(_ input: ImportInput, _ visit: Visitor) throws {
        try input.data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            var line = input.firstLine - 1
            while start < raw.count {
                line += 1
                var end = start
                while end < raw.count && raw[end] != 0x0A { end += 1 }
                var slice = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                if line == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) {
                    slice = UnsafeRawBufferPointer(rebasing: slice[3...])
                }
                let location = ImportLocation(file: input.name, line: line)
                if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    do {
                        // Straight from the bytes when the line is plainly valid; the tree
                        // path names the problem otherwise (see docs/DESIGN.md, Event catalogue).
                        let record = try ImportLine.parseDirect(slice) ?? parse(JSONValue.parse(slice), at: location)
                        try visit(location, .success(record))
                    } catch let error as JSONSyntaxError {
                        try visit(
                            location,
                            .failure(
                                ImportIssue(
                                    location: location, kind: .malformed, field: "line",
                                    message: "malformed JSON at column \(error.column): expected \(error.expected)")))
                    } catch let issue as ImportIssue {
                        try visit(location, .failure(issue))
                    }
                }
                start = end + 1
            }
        }
    }

    private static func forEachArrayElement(_ input: ImportInput, _ visit: Visitor) throws {
        let document: JSONValue
        do {
            document = try input.data.withUnsafeBytes { try JSONValue.parse($0) }
        } catch let error as JSONSyntaxError {
            let location = ImportLocation(file: input.name, line: error.line)
            try visit(
                location,
                .failure(
                    ImportIssue(
                        location: location, kind: .malformed, field: "document",
                        message: "malformed JSON at column \(error.column): expected \(error.expected)")))
            return
        }
        guard case .array(let elements) = document else {
            let location = ImportLocation(file: input.name, line: 1)
            try visit(
                location,
                .failure(
                    ImportIssue(
                        location: location, kind: .malformed, field: "document",
                        message: "expected a JSON array of import lines, got \(document.typeDescription)")))
            return
        }
        for (index, element) in elements.enumerated() {
            let location = ImportLocation(file: input.name, line: 1, element: index + 1)
            do {
                try visit(location, .success(try parse(element, at: location)))
            } catch let issue as ImportIssue {
                try visit(location, .failure(issue))
            }
        }
    }

    private static func forEachCSVRow(_ input: ImportInput, _ visit: Visitor) throws {
        var reader = CSVReader(bytes: [UInt8](input.data))
        var header: [String]?
        while true {
            let row: CSVRow
            do {
                guard let next = try reader.next() else { return }
                row = next
            } catch {
                let location = ImportLocation(file: input.name, line: error.line)
                try visit(
                    location,
                    .failure(
                        ImportIssue(location: location, kind: .malformed, field: "row", message: error.description)))
                return
            }
            guard let columns = header else {
                header = row.fields
                continue
            }
            let location = ImportLocation(file: input.name, line: row.line, element: row.number, elementLabel: "row")
            do {
                try visit(location, .success(try ImportLine.parse(csvHeader: columns, row: row)))
            } catch let error as ImportFieldError {
                try visit(location, .failure(issue(error, at: location)))
            }
        }
    }

    static func parse(_ value: JSONValue, at location: ImportLocation) throws(ImportIssue) -> ImportLine {
        var value = value
        var schemaVersion: UInt16?
        if case .object(let object) = value, let recorded = object["recorded"] {
            // An exported line keeps the schema version its event was recorded at, so an old
            // history imports as it was recorded (see docs/DOMAIN.md, Rules: credit codes).
            if let raw = recorded["schemaVersion"], !raw.isNull {
                guard let version = raw.intValue.flatMap(UInt16.init(exactly:)), version >= 1 else {
                    throw ImportIssue(
                        location: location, kind: .invalidField, field: "recorded.schemaVersion",
                        message: "expected an integer ≥ 1, got \(raw.shortDescription)")
                }
                schemaVersion = version
            }
            value = .object(JSONObject(object.members.filter { $0.key != "recorded" }.map { ($0.key, $0.value) }))
        }
        do {
            return try ImportLine.parse(value, schemaVersion: schemaVersion)
        } catch {
            throw issue(error, at: location)
        }
    }

    static func issue(_ error: ImportFieldError, at location: ImportLocation) -> ImportIssue {
        let kind: ImportIssue.Kind = error.code == .unknownType ? .unknownType : .invalidField
        return ImportIssue(location: location, kind: kind, field: error.field, message: message(for: error))
    }

    /// "expected …, got …" with the event type, or "unknown field" for a key that does not belong.
    static func message(for error: ImportFieldError) -> String {
        var message: String
        switch error.code {
        case .unknownField: message = "unknown field; expected one of \(error.expected)"
        case .missing: message = "missing; expected \(error.expected)"
        default: message = "expected \(error.expected)"
        }
        if let got = error.got { message += ", got \(got)" }
        if let type = error.eventType { message += " (\(type))" }
        return message
    }
}
