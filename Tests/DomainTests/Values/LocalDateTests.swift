import Domain
import Testing

@Suite struct LocalDateTests {
    @Test(arguments: ["1970-01-01", "2024-02-29", "2025-12-31", "0001-01-01", "9999-12-31", "1969-07-20"])
    func roundTripsISODates(text: String) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.description == text)
    }

    @Test func countsDaysFromTheEpoch() throws {
        #expect(LocalDate(iso: "1970-01-02")?.daysSince1970 == 1)
        #expect(LocalDate(iso: "1969-12-31")?.daysSince1970 == -1)
        #expect(LocalDate(iso: "2025-03-01")?.daysSince1970 == 20148)
        let date = try #require(LocalDate(year: 2024, month: 2, day: 28))
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect((date.year, date.month, date.day) == (2024, 2, 28))
    }

    @Test(arguments: [
        "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "25-01-01", "2025/01/01",
        "2025-01-01T00:00:00Z", "",
    ])
    func rejectsInvalidDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func ordersAndMeasuresDistance() throws {
        let a = try #require(LocalDate(iso: "2025-01-01"))
        let b = try #require(LocalDate(iso: "2025-04-01"))
        #expect(a < b)
        #expect(b.days(since: a) == 90)
    }
}
