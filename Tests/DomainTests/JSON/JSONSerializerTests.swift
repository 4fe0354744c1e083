import Domain
import Testing

@Suite struct JSONSerializerTests {
    @Test func writesCompactJSONInInsertionOrder() {
        let value: JSONValue = ["z": 1, "a": [true, nil, 1.5], "m": "x"]
        #expect(value.serialized() == #"{"z":1,"a":[true,null,1.5],"m":"x"}"#)
    }

    @Test func canonicalFormSortsKeysAtEveryLevel() {
        let value: JSONValue = ["z": 1, "a": ["y": 2, "b": 3]]
        #expect(value.canonicalSerialized() == #"{"a":{"b":3,"y":2},"z":1}"#)
    }

    @Test func escapesWhatJSONRequires() {
        let value = JSONValue.string("q\"b\\n\nt\tc\u{1}中")
        #expect(value.serialized() == #""q\"b\\n\nt\tc\u0001中""#)
    }

    @Test(arguments: [
        #"{"a":[1,-2,3.25,"s",true,false,null],"b":{"c":"中文\n"}}"#,
        #"[]"#, #"{}"#, #""\u0000""#, #"-9223372036854775808"#, #"[1e-7,123456789.5]"#,
    ])
    func roundTripsThroughParse(text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func writesNonFiniteDoublesAsNull() {
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).serialized() == "[null,null]")
    }

    @Test func objectEqualityIgnoresKeyOrder() throws {
        #expect(try JSONValue.parse(#"{"a":1,"b":2}"#) == JSONValue.parse(#"{"b":2,"a":1}"#))
        #expect(try JSONValue.parse(#"{"a":1}"#) != JSONValue.parse(#"{"a":1,"b":2}"#))
    }
}
