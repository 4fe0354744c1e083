import Foundation

/// Histories from the synthetic consortium generator (`consortium-gen`, built with the package).
public enum GeneratedHistory {
    /// Writes `events` generated events in `format` to a file in `directory` and returns its path.
    public static func write(
        events: Int, seed: Int = 1, format: String = "jsonl", in directory: TemporaryDirectory
    ) throws -> String {
        let path = directory.file("history-\(events)-\(seed).\(format)")
        let result = try ProcessRunner.run(
            "consortium-gen", ["--events", String(events), "--seed", String(seed), "--format", format, "--out", path])
        guard result.status == 0 else {
            throw GeneratorFailed(message: "consortium-gen exited \(result.status): \(result.stderr)")
        }
        return path
    }

    /// A JSONL history plus the generator's list of the suspicious claims it planted
    /// (`{"claimId": …, "flag": …}` per line) and its stderr summary of them.
    public static func writeWithPlantedClaims(
        events: Int, seed: Int = 1, in directory: TemporaryDirectory
    ) throws -> (history: String, planted: [(claimId: String, flag: String)], summary: String) {
        let path = directory.file("history-\(events)-\(seed).jsonl")
        let plantedPath = directory.file("planted-\(events)-\(seed).jsonl")
        let result = try ProcessRunner.run(
            "consortium-gen",
            ["--events", String(events), "--seed", String(seed), "--out", path, "--planted", plantedPath])
        guard result.status == 0 else {
            throw GeneratorFailed(message: "consortium-gen exited \(result.status): \(result.stderr)")
        }
        let planted = try String(contentsOfFile: plantedPath, encoding: .utf8).split(separator: "\n").compactMap {
            line -> (claimId: String, flag: String)? in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                let claimId = object["claimId"], let flag = object["flag"]
            else { return nil }
            return (claimId, flag)
        }
        return (path, planted, result.stderr)
    }

    /// The generated lines themselves (JSONL).
    public static func lines(events: Int, seed: Int = 1, in directory: TemporaryDirectory) throws -> [String] {
        let path = try write(events: events, seed: seed, in: directory)
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    struct GeneratorFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
