/// Schema history of `MemberAdmitted`.
///
/// - Version 1: `memberId`, `name`, `kind`, `schoolLevel?`, `industry?`.
/// - Version 2: appends `creditCode?` (统一社会信用代码), required for enterprises and schools.
///
/// Records written at version 1 stay in the ledger untouched forever; the generated code upcasts
/// them on every read, with no credit code, and a restore writes them back at version 1 byte for
/// byte. What the version changes in a `data` object is checked here.
extension MemberAdmitted {
    /// Reads a `data` object as recorded at `schemaVersion`: version 1 had no credit code.
    public init(json object: JSONObject, schemaVersion: UInt16) throws(FieldError) {
        try self.init(json: object, checkedAt: schemaVersion)
    }

    /// From version 2, enterprises and schools must give their credit code; version 1 had none.
    func checkCreditCode(schemaVersion: UInt16) throws(FieldError) {
        if schemaVersion >= 2, creditCode == nil, kind.needsCreditCode {
            throw FieldError(
                code: .missing, field: "data.creditCode",
                expected: CreditCode.expectation + " (required for enterprises and schools)")
        }
        if schemaVersion < 2, creditCode != nil {
            throw FieldError(
                code: .invalidValue, field: "data.creditCode",
                expected: "no creditCode in a MemberAdmitted recorded at schema version 1 (it came with version 2)",
                got: creditCode.map { "\"\($0)\"" })
        }
    }
}

extension MemberAdmitted: ConditionalSchema {
    /// `checkCreditCode` for schema validators: enterprises and schools give a credit code.
    static let schemaConditions: [JSONValue] = [
        [
            "if": ["properties": ["kind": ["enum": ["enterprise", "school"]]], "required": ["kind"]],
            "then": ["required": ["creditCode"]],
        ]
    ]
}
