import Audit
import ConsortiumLedger
import Domain
import Foundation
import LedgerClient

/// `ledger append --remote URL`: the line is parsed (and signed, with --sign-with) here, so a
/// member key never leaves the member's machine; output and errors are those of a local append.
enum RemoteAppendCommand {
    static func appendOne(_ text: String, signer: MemberKeyPair?, remote: RemoteLedger) throws -> String {
        let line: ImportLine
        do {
            line = try ImportLine.parse(json: text)
        } catch {
            throw CLIError("\(error.field): \(error.secretaryMessage)")
        }
        let (body, signature) = try prepare(line, signer: signer)
        let result = try remoteCall { try await remote.append(body: body, signatures: signature) }
        return describe(sequence: result.sequences.first ?? 0, duplicate: result.duplicates.first == true, line)
    }

    /// `--lines`: each line its own request; a bad line is reported and the others still go in.
    static func appendEachLine(_ input: String, signer: MemberKeyPair?, remote: RemoteLedger) throws -> Int {
        var failures = 0
        for (offset, text) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !text.allSatisfy(\.isWhitespace) {
            do {
                print("line \(offset + 1): " + (try appendOne(String(text), signer: signer, remote: remote)))
            } catch {
                failures += 1
                Terminal.printError("line \(offset + 1): \(error)")
            }
        }
        return failures
    }

    /// The JSON to send (the line with its id fixed) and its `X-Member-Signature` value.
    static func prepare(_ line: ImportLine, signer: MemberKeyPair?) throws -> (body: [UInt8], signature: String?) {
        let prepared = try PreparedLine.preparing(line, signer: signer)
        var identified = line
        identified.id = prepared.id
        let body = Array(JSONValue.object(identified.jsonObject()).serialized().utf8)
        guard let signature = prepared.signature, let keyId = prepared.signerKeyId else { return (body, nil) }
        return (body, "\(keyId):\(Data(signature).base64EncodedString())")
    }

    static func describe(sequence: UInt64, duplicate: Bool, _ line: ImportLine) -> String {
        if duplicate { return "already recorded at sequence \(sequence) (same id and content); nothing written" }
        return "appended \(line.type) at sequence \(sequence) on stream \(line.streamId)"
    }
}
