import Domain
import Foundation

/// The command line as the kernel handed it over, before Swift decodes it.
///
/// Why: `CommandLine.arguments` repairs invalid UTF-8 with U+FFFD, so `ledger append` once
/// recorded altered text. The raw bytes are checked first and a bad argument is refused,
/// naming it and the byte offset (see docs/HOSTILE-INPUT.md).
enum RawArguments {
    /// The first argument that is not valid UTF-8, or nil.
    static func firstInvalid() -> InvalidUTF8? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
            if let offset = UTF8Check.firstInvalidOffset(bytes) {
                return InvalidUTF8(what: "argument \(index)", offset: offset, byte: bytes[offset])
            }
        }
        return nil
    }
}
