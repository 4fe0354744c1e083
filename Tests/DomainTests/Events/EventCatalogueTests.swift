import Domain
import Testing

@Suite struct EventCatalogueTests {
    @Test func catalogueHasEveryTypeOfDOMAINmd() {
        let expected: Set<String> = [
            "ConsortiumChartered", "MemberAdmitted", "MemberWithdrawn", "EnterpriseCertified",
            "CouncilResolutionPassed", "KPITargetSet", "AgreementSigned", "AgreementAmended", "AgreementTerminated",
            "DemandListPublished", "OrderClassOpened", "ApprenticeEnrolled", "MentorAssigned", "InternshipPlaced",
            "ApprenticeAssessed", "CertificateAwarded", "ApprenticeWithdrawn", "ApprenticeGraduated", "GraduateHired",
            "EmploymentVerified", "PlatformCreated", "ContributionRecorded", "PlatformAccepted", "PlatformRejected",
            "ProjectCreated", "MilestoneReported", "ProjectClosed", "BudgetAllocated", "SubsidyApplied",
            "SubsidyApproved", "SubsidyPaid", "SubsidyClawedBack", "TrainingDelivered", "TechServiceDelivered",
            "MemberKeyRegistered", "MemberKeyRevoked",
        ]
        #expect(Set(DomainEvent.allTypeNames) == expected)
        #expect(DomainEvent.allTypeNames.count == expected.count)
        #expect(DomainEvent.samples.map(\.typeName) == DomainEvent.allTypeNames)
        #expect(DomainEvent.minimalSamples.map(\.typeName) == DomainEvent.allTypeNames)
    }

    @Test func typeCodesAreDenseFromOneAndResolveBothWays() throws {
        for (index, type) in DomainEvent.payloadTypes.enumerated() {
            #expect(Int(type.typeCode) == index + 1)
            let byCode = try #require(DomainEvent.payloadType(code: type.typeCode))
            #expect(byCode.typeName == type.typeName)
            #expect(DomainEvent.payloadType(named: type.typeName)?.typeCode == type.typeCode)
        }
        #expect(DomainEvent.payloadType(code: 0) == nil)
        #expect(DomainEvent.payloadType(code: 999) == nil)
        #expect(DomainEvent.payloadType(named: "agreementSigned") == nil)
    }

    @Test(
        arguments: zip(
            DomainEvent.allTypeNames,
            [
                "consortium-SZ-2025", "member-M-ENT-01", "member-M-ENT-01", "member-M-ENT-01", "resolution-R1",
                "kpi-2025-apprenticesEnrolled", "agreement-A1", "agreement-A1", "agreement-A1", "list-L1",
                "class-C-2025-01", "person-p7", "person-p7", "person-p7", "person-p7", "person-p7", "person-p7",
                "person-p7", "person-p7", "person-p7", "platform-X1", "platform-X1", "platform-X1", "platform-X1",
                "project-P1", "project-P1", "project-P1", "budget-B2025", "claim-C9", "claim-C9", "claim-C9",
                "claim-C9",
                "member-M-SCH-01", "member-M-SCH-01", "member-M-ENT-01", "member-M-ENT-01",
            ]))
    func streamIdComesFromThePrimaryId(typeName: String, stream: String) throws {
        let sample = try #require(DomainEvent.samples.first { $0.typeName == typeName })
        #expect(sample.streamId == stream)
        #expect(sample.payload.streamId == stream)
    }

    @Test func onlyTrainingDeliveredAndMemberAdmittedHaveMovedPastVersionOne() {
        let moved: Set = ["TrainingDelivered", "MemberAdmitted"]
        for type in DomainEvent.payloadTypes {
            #expect(type.schemaVersion == (moved.contains(type.typeName) ? 2 : 1))
        }
    }

    @Test(arguments: DomainEvent.allTypeNames)
    func fieldNamesAreUniqueAndLeadWithARequiredId(typeName: String) throws {
        let type = try #require(DomainEvent.payloadType(named: typeName))
        #expect(Set(type.fields.map(\.name)).count == type.fields.count)
        #expect(type.fields.first?.required == true)
    }
}
