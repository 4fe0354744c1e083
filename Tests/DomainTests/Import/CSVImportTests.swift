import Domain
import Testing

@Suite struct CSVImportTests {
    func parse(_ text: String) throws -> [ImportLine] {
        let rows = try CSVReader.rows(text)
        guard let header = rows.first else { return [] }
        return try rows.dropFirst().map { try ImportLine.parse(csvHeader: header.fields, row: $0) }
    }

    func failure(_ text: String) throws -> ImportFieldError? {
        let rows = try CSVReader.rows(text)
        do {
            _ = try ImportLine.parse(csvHeader: rows[0].fields, row: rows[1])
            return nil
        } catch {
            return error
        }
    }

    @Test func coercesCellsByFieldKind() throws {
        let lines = try parse(
            """
            id,type,occurredAt,actor,expectedVersion,data.agreementId,data.schoolId,data.enterpriseId,data.kind,data.startsOn,data.endsOn,data.places,data.personId,data.passed,data.assessment
            e1,AgreementSigned,2025-03-01,M1,0,A1,S1,E1,orderClass,2025-03-01,2026-02-28,40,,,
            e2,ApprenticeAssessed,2025-06-01T10:00:00+08:00,M1,,,,,,,,,p7,false,"中级工, 理论"
            """)
        #expect(lines.count == 2)
        #expect(lines[0].expectedVersion == 0)
        guard case .agreementSigned(let signed) = lines[0].event,
            case .apprenticeAssessed(let assessed) = lines[1].event
        else {
            Issue.record("wrong cases")
            return
        }
        #expect(signed.places == 40)
        #expect(assessed.passed == false)
        #expect(assessed.assessment == "中级工, 理论")
        #expect(lines[1].expectedVersion == nil)
    }

    @Test func arrayFieldsHoldJSONText() throws {
        let lines = try parse(
            #"""
            type,occurredAt,actor,data.platformId,data.kind,data.name,data.memberIds,data.plannedBudgetFen
            PlatformCreated,2025-03-01,M1,X1,lab,工匠实验室,"[""M1"",""M2""]",500000
            """#)
        guard case .platformCreated(let platform) = lines.first?.event else {
            Issue.record("wrong case")
            return
        }
        #expect(platform.memberIds == ["M1", "M2"])
        #expect(platform.plannedBudgetFen == 500_000)
    }

    @Test func emptyCellMeansAbsent() throws {
        let lines = try parse(
            """
            type,occurredAt,actor,data.agreementId,data.endsOn,data.places
            AgreementAmended,2025-03-01,M1,A1,,12
            """)
        guard case .agreementAmended(let amended) = lines.first?.event else {
            Issue.record("wrong case")
            return
        }
        #expect(amended.endsOn == nil)
        #expect(amended.places == 12)
    }

    @Test func badIntegerCellNamesTheField() throws {
        let error = try #require(
            try failure(
                """
                type,occurredAt,actor,data.agreementId,data.places
                AgreementAmended,2025-03-01,M1,A1,ten
                """))
        #expect(error.field == "data.places")
        #expect(error.description == #"data.places (AgreementAmended): expected an integer ≥ 0, got "ten""#)
    }

    @Test func badBooleanCellNamesTheField() throws {
        let error = try #require(
            try failure(
                """
                type,occurredAt,actor,data.personId,data.enterpriseId,data.local
                GraduateHired,2025-03-01,M1,p1,E1,yes
                """))
        #expect(error.field == "data.local")
    }

    @Test func badJSONCellNamesTheField() throws {
        let error = try #require(
            try failure(
                """
                type,occurredAt,actor,data.platformId,data.kind,data.name,data.memberIds,data.plannedBudgetFen
                PlatformCreated,2025-03-01,M1,X1,lab,Lab,[M1,0
                """))
        #expect(error.field == "data.memberIds")
        #expect(error.code == .malformedCell)
    }

    @Test func fieldOfAnotherTypeIsUnknown() throws {
        let error = try #require(
            try failure(
                """
                type,occurredAt,actor,data.personId,data.places
                ApprenticeGraduated,2025-03-01,M1,p1,3
                """))
        #expect(error.field == "data.places")
        #expect(error.code == .unknownField)
    }

    @Test func unknownColumnAndWrongCellCountAreRejected() throws {
        let unknown = try #require(
            try failure("type,occurredAt,actor,note,data.personId\nApprenticeGraduated,2025-03-01,M1,x,p1"))
        #expect(unknown.field == "note")
        let short = try #require(try failure("type,occurredAt,actor,data.personId\nApprenticeGraduated,2025-03-01,M1"))
        #expect(short.field == "line")
    }

    @Test(arguments: DomainEvent.samples)
    func everySampleSurvivesCSVFlattening(event: DomainEvent) throws {
        let occurredAt = try #require(Timestamp(parsing: "2025-03-01T09:30:00+08:00"))
        let line = ImportLine(
            id: "e-\(event.typeCode)", occurredAt: occurredAt, actor: "M1",
            expectedVersion: 2, event: event)
        var header = ["id", "type", "occurredAt", "actor", "expectedVersion"]
        var cells = [line.id ?? "", line.type, line.occurredAt.description, line.actor, "2"]
        for (name, value) in event.jsonObject() {
            header.append("data." + name)
            switch value {
            case .string(let text): cells.append(text)
            case .int(let number): cells.append(String(number))
            case .bool(let flag): cells.append(String(flag))
            default: cells.append(value.serialized())
            }
        }
        let csv = ([header] + [cells]).map { row in
            row.map {
                "\"" + $0.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            }.joined(separator: ",")
        }.joined(separator: "\r\n")
        #expect(try parse(csv) == [line])
    }
}
