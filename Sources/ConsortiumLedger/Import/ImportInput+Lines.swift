import Domain

/// A parsed record and where it came from, for reports that name the file and line.
public struct LocatedImportLine: Sendable {
    public var location: ImportLocation
    public var line: ImportLine

    public init(location: ImportLocation, line: ImportLine) {
        self.location = location
        self.line = line
    }
}

extension ImportInput {
    /// Every record of this input, parsed exactly as `ledger import` parses it (JSONL, a JSON
    /// array or CSV, the same columns and cell typing), in order, each with its file and line,
    /// element or row — for a client that sends the records elsewhere (`ledger import
    /// --remote`). Checks only what can be checked without the ledger (schema, not rules);
    /// throws ``ImportRejected`` naming every unparsable record by file, line or row, field and
    /// what was expected, as a local import would.
    public func parsedLines() throws -> [LocatedImportLine] {
        var lines: [LocatedImportLine] = []
        var issues: [ImportIssue] = []
        var checked = 0
        try ImportRecords.forEach(in: self) { location, result in
            checked += 1
            switch result {
            case .success(let line): lines.append(LocatedImportLine(location: location, line: line))
            case .failure(let issue): issues.append(issue)
            }
        }
        guard issues.isEmpty else { throw ImportRejected(issues: issues, recordsChecked: checked) }
        return lines
    }
}
