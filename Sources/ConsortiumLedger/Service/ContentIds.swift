import Domain

/// The ids `ledger import` gives records that carry none (derived from content and position),
/// for clients that submit a file remotely: importing the same file again, locally or through
/// the service, then records nothing twice.
public struct ContentIds {
    private var derived = DerivedIds()

    public init() {}

    /// `line` with its id: its own, or the derived one.
    public mutating func identified(_ line: ImportLine) -> ImportLine {
        var copy = line
        copy.id = derived.id(for: line)
        return copy
    }
}
