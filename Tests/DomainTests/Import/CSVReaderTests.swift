import Domain
import Testing

@Suite struct CSVReaderTests {
    @Test func readsPlainRows() throws {
        let rows = try CSVReader.rows("a,b,c\n1,2,3\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(rows.map(\.number) == [1, 2])
    }

    @Test func handlesQuotesCommasNewlinesAndCRLF() throws {
        let text = "id,note\r\n1,\"has, comma\"\r\n2,\"line one\nline two\"\r\n3,\"say \"\"hi\"\"\"\r\n4,\r\n"
        let rows = try CSVReader.rows(text)
        #expect(
            rows.map(\.fields) == [
                ["id", "note"], ["1", "has, comma"], ["2", "line one\nline two"], ["3", "say \"hi\""], ["4", ""],
            ])
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.line) == [1, 2, 3, 5, 6])
    }

    @Test func keepsEmptyFieldsAndQuotedEmpties() throws {
        let rows = try CSVReader.rows(",,\n\"\",x,\"\"")
        #expect(rows.map(\.fields) == [["", "", ""], ["", "x", ""]])
    }

    @Test func skipsByteOrderMarkAndBlankLines() throws {
        let rows = try CSVReader.rows("\u{FEFF}a,b\n\n1,2\n\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func keepsUnicode() throws {
        #expect(try CSVReader.rows("名称\n苏州,\"中，文\"").last?.fields == ["苏州", "中，文"])
    }

    @Test(arguments: [
        ("a,\"open", CSVError.Code.unterminatedQuote, 1),
        ("a,b\nx\"y,z", .quoteInUnquotedField, 2),
        ("\"a\"b,c", .charactersAfterClosingQuote, 1),
    ])
    func reportsMalformedCSV(text: String, code: CSVError.Code, line: Int) {
        #expect {
            try CSVReader.rows(text)
        } throws: { error in
            (error as? CSVError)?.code == code && (error as? CSVError)?.line == line
        }
    }
}
