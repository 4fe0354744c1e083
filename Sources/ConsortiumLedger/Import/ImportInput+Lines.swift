import Domain

extension ImportInput {
    /// Every record of this input, parsed exactly as `ledger import` parses it (JSONL, a JSON
    /// array or CSV, the same columns and cell typing), in order — for a client that sends the
    /// records elsewhere (`ledger import --remote`). Checks only what can be checked without
    /// the ledger (schema, not rules); throws ``ImportRejected`` naming every unparsable record
    /// by file, line or row, field and what was expected, as a local import would.
    public func parsedLines() throws -> [ImportLine] {
        var lines: [ImportLine] = []
        var issues: [ImportIssue] = []
        var checked = 0
        try ImportRecords.forEach(in: self) { _, result in
            checked += 1
            switch result {
            case .success(let line): lines.append(line)
            case .failure(let issue): issues.append(issue)
            }
        }
        guard issues.isEmpty else { throw ImportRejected(issues: issues, recordsChecked: checked) }
        return lines
    }
}
