/// Ids copied out of a borrowed walk into one buffer (one growing allocation, not one per id),
/// in the order appended.
struct IdList {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ id: Slice<UnsafeRawBufferPointer>) {
        bytes.append(contentsOf: id)
        ends.append(bytes.count)
    }

    subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
