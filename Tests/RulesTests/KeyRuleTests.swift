import Domain
import Testing

@Suite struct KeyRuleTests {
    /// 32 zero bytes, base64; SHA-256 of them starts 66687aadf862bd77.
    static let zeroKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    @Test func keyIdIsHexOfTheFirstEightBytesOfSHA256() {
        #expect(MemberKeyId.derive(publicKey: Array(repeating: 0, count: 32)) == "66687aadf862bd77")
        #expect(MemberKeyId.derive(base64PublicKey: Self.zeroKey) == "66687aadf862bd77")
    }

    @Test func registeredKeyIsQueryableThenRevoked() throws {
        var fixture = try Fixture.standard()
        try fixture.record(
            .memberKeyRegistered(MemberKeyRegistered(memberId: "ent-1", publicKey: Self.zeroKey)), by: "gov")
        let key = try #require(
            try fixture.engine.memberKey(memberId: "ent-1", keyId: "66687aadf862bd77", in: fixture.state))
        #expect(key.publicKey == Array(repeating: 0, count: 32))
        #expect(key.revoked == false)
        #expect(try fixture.engine.memberKey(memberId: "ent-2", keyId: "66687aadf862bd77", in: fixture.state) == nil)
        try fixture.record(.memberKeyRevoked(MemberKeyRevoked(memberId: "ent-1", keyId: "66687aadf862bd77")), by: "gov")
        #expect(
            try fixture.engine.memberKey(memberId: "ent-1", keyId: "66687aadf862bd77", in: fixture.state)?.revoked
                == true)
    }

    @Test(arguments: [
        "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvP=",  // last sextet leaves non-zero bits
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",  // 31 bytes
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  // no padding
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-=",  // not the standard alphabet
    ])
    func rejectsAPublicKeyThatIsNotBase64Of32Bytes(publicKey: String) throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .memberKeyRegistered(MemberKeyRegistered(memberId: "ent-1", publicKey: publicKey)), by: "gov", .invalidKey,
            field: "data.publicKey")
    }

    @Test func rejectsRegisteringTheSameKeyTwice() throws {
        var fixture = try Fixture.standard()
        let event = DomainEvent.memberKeyRegistered(MemberKeyRegistered(memberId: "ent-1", publicKey: Self.zeroKey))
        try fixture.record(event, by: "gov")
        fixture.expectRejected(event, by: "gov", .duplicateId, field: "data.publicKey")
    }

    @Test func rejectsRevokingAnUnknownOrRevokedKey() throws {
        var fixture = try Fixture.standard()
        let revoke = DomainEvent.memberKeyRevoked(MemberKeyRevoked(memberId: "ent-1", keyId: "66687aadf862bd77"))
        fixture.expectRejected(revoke, by: "gov", .unknownReference, field: "data.keyId")
        try fixture.record(
            .memberKeyRegistered(MemberKeyRegistered(memberId: "ent-1", publicKey: Self.zeroKey)), by: "gov")
        try fixture.record(revoke, by: "gov")
        fixture.expectRejected(revoke, by: "gov", .alreadyRecorded, field: "data.keyId")
    }

    @Test func rejectsAKeyForAWithdrawnMember() throws {
        var fixture = try Fixture.standard()
        try fixture.record(.memberWithdrawn(MemberWithdrawn(memberId: "ent-3", reason: "x")), by: "gov")
        fixture.expectRejected(
            .memberKeyRegistered(MemberKeyRegistered(memberId: "ent-3", publicKey: Self.zeroKey)), by: "gov",
            .inactiveMember, field: "data.memberId")
    }
}
