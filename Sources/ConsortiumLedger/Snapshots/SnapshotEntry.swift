import Domain

/// One stored snapshot of every tier read model: the fold of events 1…`position` (always a
/// prefix of the log, never a filtered set — see docs/TIME-TRAVEL.md for why that keeps
/// every as-of answer exact).
public struct SnapshotEntry: Sendable, Equatable {
    /// What one read model's snapshot changed since the previous snapshot, and its digests.
    public struct ModelDelta: Sendable, Equatable {
        public var model: String
        /// Keys whose value differs from the previous snapshot (stored as new versions).
        public var changedKeys: Int
        /// Bytes of those keys and values.
        public var changedBytes: Int
        /// SHA-256 of the changed entries in key order (`ReadModelDigest`'s framing).
        public var deltaDigest: String
        /// SHA-256(previous snapshot's digest ‖ deltaDigest): commits to the whole read model.
        public var digest: String
    }

    /// The last sequence folded in.
    public var position: UInt64
    /// The latest business date among events 1…position (nil for none).
    public var watermark: LocalDate?
    /// Month ends whose business-time prefix ends here: the next event occurred after them.
    public var monthEnds: [LocalDate]
    /// The business date of event position+1 when it raised the watermark (lets an append
    /// tell cheaply whether it crossed a month end that is not snapshotted yet).
    public var nextWatermark: LocalDate?
    public var models: [ModelDelta]

    func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 256)
        writer.writeVarint(position)
        Self.write(watermark, &writer)
        Self.write(nextWatermark, &writer)
        writer.writeVarint(UInt64(monthEnds.count))
        for date in monthEnds { writer.writeZigZag(Int64(date.daysSince1970)) }
        writer.writeVarint(UInt64(models.count))
        for delta in models {
            writer.writeString(delta.model)
            writer.writeVarint(UInt64(delta.changedKeys))
            writer.writeVarint(UInt64(delta.changedBytes))
            writer.writeString(delta.deltaDigest)
            writer.writeString(delta.digest)
        }
        return writer.bytes
    }

    static func decode(_ raw: UnsafeRawBufferPointer) throws -> SnapshotEntry {
        var reader = BinaryReader(raw)
        let position = try reader.readVarint()
        let watermark = try readDate(&reader)
        let nextWatermark = try readDate(&reader)
        var monthEnds: [LocalDate] = []
        for _ in 0..<(try reader.readCount()) {
            monthEnds.append(LocalDate(daysSince1970: Int32(truncatingIfNeeded: try reader.readZigZag())))
        }
        var models: [ModelDelta] = []
        for _ in 0..<(try reader.readCount()) {
            models.append(
                ModelDelta(
                    model: try reader.readString(), changedKeys: Int(try reader.readVarint()),
                    changedBytes: Int(try reader.readVarint()), deltaDigest: try reader.readString(),
                    digest: try reader.readString()))
        }
        return SnapshotEntry(
            position: position, watermark: watermark, monthEnds: monthEnds, nextWatermark: nextWatermark,
            models: models)
    }

    /// The digests of one model (nil when this snapshot predates the model).
    func delta(of model: String) -> ModelDelta? { models.first { $0.model == model } }

    private static func write(_ date: LocalDate?, _ writer: inout BinaryWriter) {
        writer.writeBool(date != nil)
        if let date { writer.writeZigZag(Int64(date.daysSince1970)) }
    }

    private static func readDate(_ reader: inout BinaryReader) throws -> LocalDate? {
        guard try reader.readBool() else { return nil }
        return LocalDate(daysSince1970: Int32(truncatingIfNeeded: try reader.readZigZag()))
    }
}
