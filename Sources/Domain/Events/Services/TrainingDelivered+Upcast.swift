/// Schema history of `TrainingDelivered`.
///
/// - Version 1: `providerId`, `personTimes`, `topic` (training was only ever counted).
/// - Version 2: adds `recipientId?`, so that training delivered *to* a member can be
///   credited to it in the committee figures.
///
/// Records written at version 1 stay in the ledger untouched forever; they are upcast
/// here on every read, with no recipient.
extension TrainingDelivered {
    public static func upcast(from version: UInt16, reader: inout BinaryReader) throws(PayloadDecodingError)
        -> TrainingDelivered
    {
        switch version {
        case 1:
            let providerId: String = try reader.read()
            let personTimes: Int = try reader.read()
            let topic: String = try reader.read()
            return TrainingDelivered(providerId: providerId, personTimes: personTimes, topic: topic, recipientId: nil)
        default:
            throw reader.failure(.unsupportedSchemaVersion, "TrainingDelivered schema version 1 or 2, got \(version)")
        }
    }
}

extension TrainingDelivered {
    /// Version 1 is version 2 without the trailing recipient, so a record without one can be
    /// written back at version 1 (restores of old exports reproduce it byte for byte).
    public func encodePayload(schemaVersion version: UInt16) -> [UInt8]? {
        switch version {
        case Self.schemaVersion: return encodePayload()
        case 1 where recipientId == nil:
            var writer = BinaryWriter()
            writer.write(providerId)
            writer.write(personTimes)
            writer.write(topic)
            return writer.bytes
        default: return nil
        }
    }
}
