/// Control characters in text that reaches a terminal: the one place that decides what they
/// are and how they are shown (see docs/HOSTILE-INPUT.md).
///
/// Why: a project title holding ESC, OSC, CSI or C1 codes, a carriage return or a line feed
/// could clear an auditor's screen, retitle the window or forge table rows. Every table and
/// error printer passes user-supplied text through ``escaped(_:)``, which shows each such
/// character as a visible `\xNN` (`\t`, `\n`, `\r` for the common ones), so an escape
/// sequence loses its introducer and prints as inert text.
public enum ControlCharacters {
    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `text` holds any control character.
    public static func contains(in text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// `text` with every control character written out visibly; text without any is
    /// returned as it is (the common case costs one scan).
    ///
    /// - Parameter keepingLineFeeds: leave `\n` alone, for multi-line text the program
    ///   itself composed (usage help) in which user input has already been escaped.
    public static func escaped(_ text: String, keepingLineFeeds: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLineFeeds && $0 == "\n") }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !(keepingLineFeeds && scalar == "\n") else {
                out.append(scalar)
                continue
            }
            switch scalar {
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            default:
                let digits = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: (#"\x"# + (digits.count < 2 ? "0" : "") + digits).unicodeScalars)
            }
        }
        return String(out)
    }
}
