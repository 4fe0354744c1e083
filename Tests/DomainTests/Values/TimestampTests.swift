import Domain
import Testing

@Suite struct TimestampTests {
    @Test func bareDatesAreMidnightUTC() throws {
        let t = try #require(Timestamp(parsing: "2025-03-01"))
        #expect(t.millisecondsSinceEpoch == 20148 * 86_400_000)
        #expect(t.localDate.description == "2025-03-01")
        #expect(t.description == "2025-03-01")
    }

    @Test func offsetsGiveTheInstantAndKeepTheBusinessDate() throws {
        let t = try #require(Timestamp(parsing: "2025-01-01T01:00:00+08:00"))
        #expect(t.millisecondsSinceEpoch == Timestamp(parsing: "2024-12-31T17:00:00Z")?.millisecondsSinceEpoch)
        #expect(t.localDate.description == "2025-01-01")
        #expect(t.utcDate.description == "2024-12-31")
        #expect(t.description == "2025-01-01T01:00:00+08:00")
    }

    @Test(arguments: [
        "2025-03-01T09:30:00Z", "2025-03-01T09:30:00.125Z", "2025-03-01T09:30:00-05:30",
        "2025-03-01T23:59:59.999+14:00", "1969-12-31T23:59:59Z",
    ])
    func roundTripsRFC3339(text: String) throws {
        let t = try #require(Timestamp(parsing: text))
        #expect(t.description == text)
        #expect(Timestamp(parsing: t.description) == t)
    }

    @Test func truncatesSubMillisecondFractions() throws {
        let t = try #require(Timestamp(parsing: "2025-03-01T00:00:00.1239Z"))
        let midnight: Int64 = 20148 * 86_400_000
        #expect(t.millisecondsSinceEpoch - midnight == 123)
        #expect(Timestamp(parsing: "2025-03-01t00:00:00.5z") != nil)
    }

    @Test(arguments: [
        "2025-03-01T09:30:00", "2025-03-01T24:00:00Z", "2025-03-01T09:60:00Z", "2025-03-01T09:30Z",
        "2025-03-01T09:30:00+0800", "2025-03-01T09:30:00.Z", "2025-02-30T00:00:00Z", "yesterday",
    ])
    func rejectsMalformedTimestamps(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }
}
