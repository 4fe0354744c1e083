/// Path arithmetic on plain strings. (Foundation's NSString path methods trap on some short
/// relative paths on Linux, e.g. the parent of "R".)
enum SnapshotPath {
    /// `directory/name`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The directory holding `path`: "." for a bare name, "/" for a top-level entry.
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Whether `name` is a plain file name (no directories, not hidden, not `.`/`..`).
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }
}
