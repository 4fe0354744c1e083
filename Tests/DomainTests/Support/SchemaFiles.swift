import Domain
import Foundation
import Testing

/// Finds `Schemas/` by walking up from this file to the package root, so tests run the
/// same from any working directory.
enum SchemaFiles {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let directory = packageRoot.appendingPathComponent("Schemas")
    static let examples = directory.appendingPathComponent("examples")

    /// Reads and parses a JSON file with our own parser (never Foundation's).
    static func load(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        return try JSONValue.parse([UInt8](data))
    }

    static func schema(_ name: String) throws -> JSONValue {
        try load(directory.appendingPathComponent(name))
    }

    static func example(_ typeName: String, valid: Bool) throws -> JSONValue {
        try load(examples.appendingPathComponent("\(typeName).\(valid ? "valid" : "invalid").json"))
    }
}

extension DomainEvent: CustomTestStringConvertible {
    public var testDescription: String { typeName }
}
