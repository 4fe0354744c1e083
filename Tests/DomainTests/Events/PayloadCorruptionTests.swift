import Domain
import Testing

/// A corrupt record must produce an error for the audit report, never a crash.
@Suite struct PayloadCorruptionTests {
    @Test(arguments: DomainEvent.samples)
    func everyTruncationThrows(event: DomainEvent) {
        let payload = event.encodePayload()
        for length in 0..<payload.count {
            #expect(throws: PayloadDecodingError.self) {
                try DomainEvent.decode(
                    typeName: event.typeName, schemaVersion: event.schemaVersion, payload: Array(payload.prefix(length))
                )
            }
        }
    }

    @Test(arguments: DomainEvent.samples)
    func trailingBytesThrow(event: DomainEvent) {
        #expect(throws: PayloadDecodingError.self) {
            try DomainEvent.decode(
                typeName: event.typeName, schemaVersion: event.schemaVersion, payload: event.encodePayload() + [0])
        }
    }

    @Test(arguments: DomainEvent.samples)
    func randomBytesNeverCrash(event: DomainEvent) {
        var rng = SplitMix64(seed: UInt64(event.typeCode))
        let original = event.encodePayload()
        for round in 0..<300 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                bytes = original
                let flips = 1 + Int(rng.next() % 4)
                for _ in 0..<flips where !bytes.isEmpty {
                    bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            // Either outcome is fine; what matters is that we get here.
            _ = try? DomainEvent.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, payload: bytes)
        }
    }

    @Test func unknownTypesAndVersionsThrow() {
        #expect(throws: PayloadDecodingError.self) {
            try DomainEvent.decode(typeName: "NoSuchEvent", schemaVersion: 1, payload: [])
        }
        let sample = DomainEvent.samples[0]
        #expect {
            try DomainEvent.decode(typeName: sample.typeName, schemaVersion: 9, payload: sample.encodePayload())
        } throws: { error in
            (error as? PayloadDecodingError)?.code == .unsupportedSchemaVersion
        }
        #expect(throws: PayloadDecodingError.self) {
            try DomainEvent.decode(typeName: sample.typeName, schemaVersion: 0, payload: sample.encodePayload())
        }
    }
}

/// A tiny deterministic generator so corruption tests are reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
