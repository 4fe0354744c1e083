/// A record copied from the primary that fails a check: the mirror's finding names its sequence.
public struct UnverifiedRecord: Error, Sendable, CustomStringConvertible {
    public let sequence: UInt64
    public let reason: String
    public var description: String { "record \(sequence): \(reason)" }
}
