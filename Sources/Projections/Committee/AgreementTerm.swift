import Domain

/// An agreement's term as the committee judges it on a day.
struct AgreementTerm: Equatable {
    var startsOn: LocalDate
    var endsOn: LocalDate
    /// The day of termination; the agreement is not in force from that day on.
    var terminatedOn: LocalDate?

    /// In force on `day`: started, not past its end, not terminated.
    func isActive(on day: LocalDate) -> Bool {
        startsOn <= day && day <= endsOn && (terminatedOn.map { day < $0 } ?? true)
    }

    /// In force on `day` and ending within the next 90 days (inclusive).
    func expiresWithin90Days(of day: LocalDate) -> Bool {
        isActive(on: day) && endsOn.days(since: day) <= 90
    }

    var encoded: [UInt8] {
        EntityCodec.encode(capacity: 12) { writer in
            writer.write(startsOn)
            writer.write(endsOn)
            writer.write(terminatedOn)
        }
    }

    init(startsOn: LocalDate, endsOn: LocalDate) {
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    init(_ bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try AgreementTerm(raw: $0) }
    }

    init(raw: UnsafeRawBufferPointer) throws {
        (startsOn, endsOn, terminatedOn) = try EntityCodec.decode(raw) { reader in
            (try reader.read(), try reader.read(), try reader.read())
        }
    }
}
