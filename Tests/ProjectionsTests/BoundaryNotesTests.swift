import Domain
import Testing

@testable import Projections

/// `BoundaryNotes` keeps each noted key's value as bytes in one buffer: every note must read
/// back as exactly the value it was given, through removals and replacements in any order.
@Suite("Boundary notes")
struct BoundaryNotesTests {
    @Test func eachNoteEqualsItsValueAndNoOther() {
        var notes = BoundaryNotes()
        notes.note(ByteKey([1]), before: [1, 2, 3])
        notes.note(ByteKey([2]), before: nil)
        notes.note(ByteKey([3]), before: [])
        #expect(notes.count == 3)
        #expect(notes.keys == [ByteKey([1]), ByteKey([2]), ByteKey([3])])
        #expect(notes.value(at: 0, equals: [1, 2, 3]))
        #expect(!notes.value(at: 0, equals: [1, 2]))
        #expect(!notes.value(at: 0, equals: [1, 2, 4]))
        // Absent is unequal to every value, the empty one too; empty equals only empty.
        #expect(!notes.value(at: 1, equals: []))
        #expect(notes.value(at: 2, equals: []))
        #expect(!notes.value(at: 2, equals: [0]))
    }

    @Test func removingAndReplacingKeepEveryOtherNote() {
        var notes = BoundaryNotes()
        notes.note(ByteKey([1]), before: [7, 7])
        notes.note(ByteKey([2]), before: [8])
        notes.removeLast()
        notes.note(ByteKey([3]), before: [9, 9, 9])
        notes.replaceValue(at: 0, with: [5])
        // The last note's bytes lie before the replacement's: taking it back must not cut those.
        notes.removeLast()
        #expect(notes.count == 1)
        #expect(notes.value(at: 0, equals: [5]))
        notes.note(ByteKey([4]), before: [4, 4])
        notes.replaceValue(at: 1, with: nil)
        #expect(!notes.value(at: 1, equals: [4, 4]))
        #expect(notes.value(at: 0, equals: [5]))
        notes.removeAll()
        #expect(notes.count == 0)
        notes.note(ByteKey([5]), before: [1])
        #expect(notes.value(at: 0, equals: [1]))
    }
}
