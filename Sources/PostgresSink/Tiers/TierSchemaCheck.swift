import PostgresNIO

/// Checks that the tier tables have a column for every figure this ledger's reports have: a
/// new figure in a report needs a new migration, and a sink without it must say so rather
/// than fail on its first write.
enum TierSchemaCheck {
    static func verify(_ database: SinkDatabase) async throws {
        for table in [TierTable.council, .committee, .project] {
            var bindings = PostgresBindings()
            bindings.append(table.name)
            let rows = try await database.rows(
                PostgresQuery(
                    unsafeSQL: "SELECT column_name::text FROM information_schema.columns WHERE table_name = $1",
                    binds: bindings),
                doing: "reading the columns of \(table.name)")
            let present = Set(try rows.map { try $0.decode(String.self) })
            let missing = table.columns.filter { !present.contains($0) }
            guard missing.isEmpty else {
                throw SinkError(
                    .invalidSetup,
                    "table \(table.name) has no column \(missing.joined(separator: ", ")): the tier reports have figures "
                        + "the database schema lacks; add a migration (Sources/PostgresSink/Migrations)")
            }
        }
    }
}
