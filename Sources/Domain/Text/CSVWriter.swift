/// The one CSV writer of the ledger (query output and export files): RFC 4180 with CRLF line
/// ends, hardened against spreadsheet formula injection (see docs/HOSTILE-INPUT.md).
///
/// Why both rules: a spreadsheet runs a cell beginning with `=`, `+`, `-`, `@`, tab or CR as a
/// formula (`=HYPERLINK(…)` phones home), so such a cell is prefixed with a single quote as
/// OWASP recommends — except a plain number such as `-12` or `-0.5`, which no spreadsheet
/// evaluates as anything but itself. And a cell holding a comma, a quote, CR or LF is quoted,
/// judged on Unicode scalars: Swift's `Character` sees "\r\n" as one grapheme that equals
/// neither "\r" nor "\n", which once let a title split its row in two.
public enum CSVWriter {
    /// Rows joined as CSV text, each line ended by CRLF.
    public static func text(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            var first = true
            for cell in row {
                if !first { out += "," }
                first = false
                out += field(cell)
            }
            out += "\r\n"
        }
        return out
    }

    /// One cell as written: neutralised if it could start a formula, quoted if it must be.
    public static func field(_ cell: String) -> String {
        let safe = neutralised(cell)
        guard safe.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return safe
        }
        var quoted = "\""
        for scalar in safe.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// `'` + `cell` when it begins with a formula trigger and is not a plain number.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "@", "\t", "\r":
            return "'" + cell
        case "-":
            return isPlainNumber(cell) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// `-` digits, optionally `.` digits: a negative number and nothing else.
    private static func isPlainNumber(_ cell: String) -> Bool {
        var digitsBeforePoint = 0
        var digitsAfterPoint = 0
        var seenPoint = false
        for byte in cell.utf8.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint { digitsAfterPoint += 1 } else { digitsBeforePoint += 1 }
            case UInt8(ascii: ".") where !seenPoint:
                seenPoint = true
            default:
                return false
            }
        }
        return digitsBeforePoint > 0 && (!seenPoint || digitsAfterPoint > 0)
    }
}
