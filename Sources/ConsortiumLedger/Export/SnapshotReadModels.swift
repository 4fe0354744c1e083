import Domain
import EventStore
import Projections

/// The tier read models as they stand at the snapshot's head, written as the same JSON and CSV
/// that `ledger query … --format json|csv` prints (file names: `council-YEAR`, `committee`, `project`,
/// `claims`).
///
/// The live read models are used when every one of them is exactly at the snapshot's head in
/// the same read transaction (inline projections keep them so after every append); if any lags
/// or was written by another projector version, the snapshot's own events are folded from zero
/// instead. Either way the figures describe exactly the exported events.
enum SnapshotReadModels {
    enum Source: String, Sendable { case live, replay }

    static func write(
        ledger: Ledger, reader: LogReader, head: UInt64, councilYears: [Int], judgedOn: LocalDate,
        forceReplay: Bool, into directory: String
    ) throws -> (source: Source, files: [ExportManifest.FileEntry]) {
        let live = TierModel.allCases.map { model in
            (model, LMDBProjectionStore(transaction: reader.transaction, database: model.database(ledger.facade)))
        }
        var current = !forceReplay
        for (model, store) in live where current {
            if case .resumable(let after) = try model.status(in: store), after == head { continue }
            current = false
        }
        if current {
            let files = try writeReports(
                council: live[0].1, committee: live[1].1, project: live[2].1, claims: live[3].1, years: councilYears,
                judgedOn: judgedOn, into: directory)
            return (.live, files)
        }
        let replayer = try ledger.replay(in: reader, cutoff: .sequenceAtMost(head), progress: nil)
        let files = try writeReports(
            council: replayer.council, committee: replayer.committee, project: replayer.project,
            claims: replayer.claims, years: councilYears, judgedOn: judgedOn, into: directory)
        return (.replay, files)
    }

    private static func writeReports(
        council: some ProjectionStore, committee: some ProjectionStore, project: some ProjectionStore,
        claims: some ProjectionStore, years: [Int], judgedOn: LocalDate, into directory: String
    ) throws -> [ExportManifest.FileEntry] {
        var files: [ExportManifest.FileEntry] = []
        for year in years {
            let report = try CouncilQuery.run(year: year, judgedOn: judgedOn, store: council)
            files += try write([report], json: report.json, name: "council-\(year)", into: directory)
        }
        let pairs = try CommitteeQuery.run(judgedOn: judgedOn, store: committee)
        files += try write(pairs, json: .array(pairs.map(\.json)), name: "committee", into: directory)
        let projects = try ProjectQuery.run(judgedOn: judgedOn, store: project)
        files += try write(projects, json: .array(projects.map(\.json)), name: "project", into: directory)
        let claimReports = try ClaimsQuery.run(store: claims)
        files += try write(claimReports, json: .array(claimReports.map(\.json)), name: "claims", into: directory)
        return files
    }

    /// `name.json` (as `ledger query --format json` prints it) and `name.csv`.
    private static func write<Report: TierReport>(
        _ reports: [Report], json: JSONValue, name: String, into directory: String
    ) throws -> [ExportManifest.FileEntry] {
        [
            try SnapshotFileWriter.write(Array((json.serialized() + "\n").utf8), named: name + ".json", in: directory),
            try SnapshotFileWriter.write(
                Array(ReportRows.csvText(ReportRows.csv(reports)).utf8), named: name + ".csv", in: directory),
        ]
    }
}
