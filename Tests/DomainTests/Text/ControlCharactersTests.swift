import Domain
import Testing

/// The escaper every table and error printer uses (see docs/HOSTILE-INPUT.md).
@Suite("Control characters")
struct ControlCharactersTests {
    @Test(arguments: [
        ("\u{1B}[2J\u{1B}[H", #"\x1B[2J\x1B[H"#),  // CSI: clear screen, cursor home
        ("\u{1B}]0;pwned\u{07}", #"\x1B]0;pwned\x07"#),  // OSC: window title
        ("\u{9B}31m", #"\x9B31m"#),  // C1 CSI
        ("row\r\nforged", #"row\r\nforged"#), ("a\tb", #"a\tb"#), ("del\u{7F}", #"del\x7F"#), ("nul\u{0}", #"nul\x00"#),
        ("市域产教联合体 ok", "市域产教联合体 ok"),
    ])
    func controlsBecomeVisibleText(raw: String, shown: String) {
        let escaped = ControlCharacters.escaped(raw)
        #expect(escaped == shown)
        #expect(!ControlCharacters.contains(in: escaped))
    }

    @Test func lineFeedsCanBeKeptForTheProgramsOwnMultiLineText() {
        #expect(ControlCharacters.escaped("usage\n\u{1B}x", keepingLineFeeds: true) == "usage\n\\x1Bx")
    }
}
