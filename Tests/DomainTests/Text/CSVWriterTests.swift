import Domain
import Testing

/// The one CSV writer (queries and export): formula triggers neutralised as OWASP recommends,
/// CR and LF always quoted (see docs/HOSTILE-INPUT.md).
@Suite("CSV writer")
struct CSVWriterTests {
    @Test(arguments: [
        (#"=HYPERLINK("http://x","y")"#, #""'=HYPERLINK(""http://x"",""y"")""#),
        ("+cmd", "'+cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""),
        ("-12", "-12"), ("-0.5", "-0.5"), ("12", "12"), ("plain", "plain"), ("", ""),
    ])
    func formulaTriggersAreNeutralised(cell: String, written: String) {
        #expect(CSVWriter.field(cell) == written)
    }

    /// "\r\n" is one Swift Character equal to neither "\r" nor "\n": the old writer compared
    /// Characters and wrote such a title unquoted, splitting its row in two.
    @Test func aCellWithCRLFIsQuotedAndKeepsItsRow() {
        let text = CSVWriter.text([["id", "title"], ["P1", "line one\r\nforged,row"]])
        #expect(text == "id,title\r\nP1,\"line one\r\nforged,row\"\r\n")
        #expect(CSVWriter.field("a\nb") == "\"a\nb\"")
        #expect(CSVWriter.field("a\rb") == "\"a\rb\"")
        #expect(CSVWriter.field(#"say "hi""#) == #""say ""hi""""#)
    }

    /// Read back by the ledger's own CSV reader, the row count and cells survive.
    @Test func whatIsWrittenReadsBackAsTheSameRows() throws {
        let rows = [["a", "b"], ["x\r\ny", "=1+1"], ["-3", "p,q"]]
        let read = try CSVReader.rows(CSVWriter.text(rows))
        #expect(read.map(\.fields) == [["a", "b"], ["x\r\ny", "'=1+1"], ["-3", "p,q"]])
    }
}
