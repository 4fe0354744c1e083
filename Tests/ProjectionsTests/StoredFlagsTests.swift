import Testing

@testable import Projections

/// The read models' flag sets are stored: their bits and byte order must never change, or a
/// live read model would no longer equal a replay of the same log.
@Suite struct StoredFlagsTests {
    @Test func personFlagsKeepTheirBitsAndBigEndianBytes() {
        let record = PersonRecord(flags: [.enrolled, .schoolMentor, .hiredLocally], pair: [0x73, 0x00, 0x65][...])
        // enrolled 1<<0, schoolMentor 1<<7, hiredLocally 1<<9 → 0x0281, high byte first.
        #expect(record.encoded == [0x02, 0x81, 0x73, 0x00, 0x65])
        #expect(PersonRecord(record.encoded)?.flags == [.enrolled, .schoolMentor, .hiredLocally])
        #expect(PersonFlags.bothMentors.rawValue == 0x0180)
        let all: [PersonFlags] = [
            .enrolled, .placed, .assessed, .certified, .graduated, .hired, .withdrawn, .schoolMentor,
            .enterpriseMentor, .hiredLocally,
        ]
        #expect(all.map(\.rawValue) == (0..<10).map { UInt16(1) << UInt16($0) })
    }

    @Test func hireFlagsKeepTheirBits() {
        #expect(HireFlags.hired.rawValue == 1)
        #expect(HireFlags.hiredLocally.rawValue == 2)
        #expect(HireFlags([.hired, .hiredLocally]).rawValue == 3)
    }
}
