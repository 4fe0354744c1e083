import Domain
import Foundation
import Testing

/// Every sample event's binary payload and JSON text, pinned in a fixture file written before
/// the event catalogue's code was generated from one declaration per type. A change to how any
/// type is encoded, decoded or written as JSON fails here, because stored records and exports
/// must stay byte-identical across such refactorings (see docs/DESIGN.md, Event catalogue).
///
/// To pin a deliberate format change (a new schema version), rerun with
/// `LEDGER_WRITE_GOLDEN=1 swift test --filter CatalogueGoldenTests` and commit the fixture.
@Suite struct CatalogueGoldenTests {
    static let allSamples = DomainEvent.samples + DomainEvent.minimalSamples
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/catalogue-golden.tsv")

    /// One line per sample: type, schema version, payload bytes in hex, JSON text.
    static func line(for event: DomainEvent) -> String {
        let hex = event.encodePayload().map { String(format: "%02x", $0) }.joined()
        let json = JSONValue.object(event.jsonObject()).serialized()
        return [event.typeName, String(event.schemaVersion), hex, json].joined(separator: "\t")
    }

    static func pinnedLines() throws -> [String] {
        if ProcessInfo.processInfo.environment["LEDGER_WRITE_GOLDEN"] == "1" {
            let text = allSamples.map(line(for:)).joined(separator: "\n") + "\n"
            try text.write(to: fixture, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func everySampleEncodesToItsPinnedBytesAndJSON() throws {
        let pinned = try Self.pinnedLines()
        #expect(pinned.count == Self.allSamples.count)
        for (event, expected) in zip(Self.allSamples, pinned) {
            #expect(Self.line(for: event) == expected, "\(event.typeName)")
        }
    }

    @Test func everyPinnedPayloadAndJSONDecodesToItsSample() throws {
        let pinned = try Self.pinnedLines()
        for (event, line) in zip(Self.allSamples, pinned) {
            let columns = line.split(separator: "\t", maxSplits: 3).map(String.init)
            try #require(columns.count == 4)
            let hex = Array(columns[2].utf8)
            let bytes = stride(from: 0, to: hex.count, by: 2).compactMap {
                UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)
            }
            let version = try #require(UInt16(columns[1]))
            #expect(try DomainEvent.decode(typeName: columns[0], schemaVersion: version, payload: bytes) == event)
            let object = try #require(try JSONValue.parse(columns[3]).objectValue)
            #expect(try DomainEvent(typeName: columns[0], json: object) == event)
        }
    }
}
