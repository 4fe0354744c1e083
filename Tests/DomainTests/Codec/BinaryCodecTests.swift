import Domain
import Testing

@Suite struct BinaryCodecTests {
    func roundTrip<T: BinaryCodable & Equatable>(_ value: T) throws -> T {
        var writer = BinaryWriter()
        writer.write(value)
        return try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let decoded: T = try reader.read()
            try reader.expectEnd()
            return decoded
        }
    }

    @Test(arguments: [0, 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), UInt64.max])
    func varintsRoundTrip(value: UInt64) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test func varintsUseLEB128() {
        var writer = BinaryWriter()
        writer.writeVarint(300)
        #expect(writer.bytes == [0xAC, 0x02])
    }

    @Test(arguments: [Int64(0), -1, 1, -64, 64, .max, .min])
    func zigzagIntegersRoundTrip(value: Int64) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test func zigzagKeepsSmallNegativesSmall() {
        var writer = BinaryWriter()
        writer.writeZigZag(-1)
        writer.writeZigZag(1)
        #expect(writer.bytes == [0x01, 0x02])
    }

    @Test func stringsOptionalsAndArraysRoundTrip() throws {
        #expect(try roundTrip("苏州 order class") == "苏州 order class")
        #expect(try roundTrip("") == "")
        #expect(try roundTrip(String?.none) == nil)
        #expect(try roundTrip(String?.some("x")) == "x")
        #expect(try roundTrip([true, false]) == [true, false])
        #expect(try roundTrip([String]()) == [])
        #expect(try roundTrip(LocalDate(iso: "1969-12-31")) == LocalDate(iso: "1969-12-31"))
    }

    @Test func readerThrowsAtTheOffsetOfTheProblem() {
        let bytes: [UInt8] = [0x05, 0x61, 0x62]  // claims 5 bytes, has 2
        bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect {
                try reader.readString()
            } throws: { error in
                (error as? PayloadDecodingError)?.code == .truncated && (error as? PayloadDecodingError)?.offset == 0
            }
        }
    }

    @Test func rejectsOverlongVarintsAndBadBooleans() {
        let overlong = [UInt8](repeating: 0xFF, count: 11)
        overlong.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: PayloadDecodingError.self) { try reader.readVarint() }
        }
        [UInt8(2)].withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: PayloadDecodingError.self) { try reader.readBool() }
        }
        [UInt8(0x02), 0xFF, 0xFE].withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: PayloadDecodingError.self) { try reader.readString() }
        }
    }

    @Test func hugeCountsAreRejectedBeforeAllocating() {
        var writer = BinaryWriter()
        writer.writeVarint(1 << 40)
        writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: PayloadDecodingError.self) { try reader.read([String].self) }
        }
    }

    @Test func enumsEncodeAsTheirPosition() throws {
        var writer = BinaryWriter()
        writer.write(SubsidyProgramme.socialInsurance)
        #expect(writer.bytes == [5])
        #expect(try roundTrip(MemberKind.research) == .research)
        [UInt8(9)].withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: PayloadDecodingError.self) { try reader.read(MentorSide.self) }
        }
    }
}
