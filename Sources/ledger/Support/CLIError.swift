/// A user error reported as one line (ArgumentParser's ValidationError would add the usage text).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
