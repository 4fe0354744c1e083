#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

enum OutFormat { case jsonl, json, csv }

/// Every `data` field the generator can emit. The CSV header lists them in this order
/// (`data.<name>`); the JSON key is the case name.
enum Field: Int, CaseIterable {
    case consortiumId, name, region, leadMemberId, memberId, kind, schoolLevel, industry, reason, level
    case resolutionId, title, year, metric, target
    case agreementId, schoolId, enterpriseId, startsOn, endsOn, places
    case listId, items, classId, major, capacity, intakeYear
    case personId, enrolledOn, mentorId, side, assessment, passed, certificate, local, monthsEmployed
    case platformId, memberIds, plannedBudgetFen, valueFen
    case projectId, budgetFen, milestones, milestoneId, outcome
    case budgetId, programme, amountFen, source, claimId, applicantId, period, approverId, advance
    case providerId, personTimes, topic, recipientId, clientId, publicKey, creditCode
}

/// Builds each import line straight into a byte buffer and writes it in large chunks.
/// Stops counting at `limit`: an event begun after the limit is dropped at `end()`.
final class Writer {
    let format: OutFormat
    let limit: Int
    private(set) var count = 0
    private let cap = 1 << 23
    private let flushAt = 1 << 22
    private let p: UnsafeMutablePointer<UInt8>
    private var pos = 0
    private let file: UnsafeMutablePointer<FILE>
    private let closeFile: Bool
    private var evStart = 0
    private var firstField = true
    private var depth = 0
    private var idRng: Xoshiro
    private let date: UnsafeMutablePointer<UInt8>
    private let keyJSON: [[UInt8]]
    // CSV cells of the current event
    private let nKeys = Field.allCases.count
    private let cells: UnsafeMutablePointer<UInt8>
    private var cellsPos = 0
    private var cellStart: [Int]
    private var cellLen: [Int]
    private var touched: [Int] = []
    private var curKey = 0
    private var fieldStart = 0
    private(set) var writeFailed = false

    init(format: OutFormat, limit: Int, file: UnsafeMutablePointer<FILE>, closeFile: Bool, idSeed: UInt64) {
        self.format = format
        self.limit = limit
        self.file = file
        self.closeFile = closeFile
        p = .allocate(capacity: cap)
        date = .allocate(capacity: 10)
        date.initialize(repeating: 48, count: 10)
        cells = .allocate(capacity: 1 << 16)
        idRng = Xoshiro(seed: idSeed)
        keyJSON = Field.allCases.map { Array("\"\(String(describing: $0))\":".utf8) }
        cellStart = Array(repeating: 0, count: Field.allCases.count)
        cellLen = Array(repeating: -1, count: Field.allCases.count)
        touched.reserveCapacity(32)
        if format == .csv {
            var h = "id,type,occurredAt,actor,expectedVersion"
            for k in Field.allCases { h += ",data.\(String(describing: k))" }
            h += "\n"
            bytes(Array(h.utf8))
        }
    }

    deinit {
        p.deallocate()
        date.deallocate()
        cells.deallocate()
    }

    var isFull: Bool { count >= limit }

    // MARK: raw bytes

    @inline(__always) func b(_ x: UInt8) {
        p[pos] = x
        pos &+= 1
    }

    @inline(__always) func put(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        (p + pos).update(from: s.utf8Start, count: n)
        pos &+= n
    }

    @inline(__always) func bytes(_ a: [UInt8]) {
        a.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { (p + pos).update(from: base, count: src.count) }
            pos &+= src.count
        }
    }

    @inline(__always) func int(_ v0: Int) {
        var v = v0
        if v < 0 {
            b(45)
            v = -v
        }
        if v < 10 {
            b(UInt8(48 + v))
            return
        }
        var tmp:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { t in
            while v > 0 {
                t[n] = UInt8(48 + v % 10)
                v /= 10
                n += 1
            }
            var i = n - 1
            while i >= 0 {
                p[pos] = t[i]
                pos &+= 1
                i -= 1
            }
        }
    }

    /// Zero-padded to at least `width` digits.
    @inline(__always) func pad(_ v: Int, _ width: Int) {
        var digits = 1
        var x = v
        while x >= 10 {
            x /= 10
            digits += 1
        }
        var z = width - digits
        while z > 0 {
            b(48)
            z -= 1
        }
        int(v)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private func uuid() {
        let hi = (idRng.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let lo = (idRng.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        Writer.hex.withUnsafeBufferPointer { h in
            for i in 0..<16 {
                if i == 8 || i == 12 { b(45) }
                b(h[Int((hi >> UInt64(60 - 4 * i)) & 15)])
            }
            for i in 0..<16 {
                if i == 0 || i == 4 { b(45) }
                b(h[Int((lo >> UInt64(60 - 4 * i)) & 15)])
            }
        }
    }

    @inline(__always) func dateBytes(_ day: Int) {
        let c = CivilDate.civil(day)
        pad(c.y, 4)
        b(45)
        b(UInt8(48 + c.m / 10))
        b(UInt8(48 + c.m % 10))
        b(45)
        b(UInt8(48 + c.d / 10))
        b(UInt8(48 + c.d % 10))
    }

    func setDay(_ day: Int) {
        let c = CivilDate.civil(day)
        date[0] = UInt8(48 + (c.y / 1000) % 10)
        date[1] = UInt8(48 + (c.y / 100) % 10)
        date[2] = UInt8(48 + (c.y / 10) % 10)
        date[3] = UInt8(48 + c.y % 10)
        date[4] = 45
        date[5] = UInt8(48 + c.m / 10)
        date[6] = UInt8(48 + c.m % 10)
        date[7] = 45
        date[8] = UInt8(48 + c.d / 10)
        date[9] = UInt8(48 + c.d % 10)
    }

    // MARK: events

    func begin(_ type: StaticString, actor: [UInt8]) {
        evStart = pos
        firstField = true
        depth = 0
        switch format {
        case .jsonl, .json:
            if format == .json { if count == 0 { put("[\n") } else { put(",\n") } }
            put("{\"id\":\"")
            uuid()
            put("\",\"type\":\"")
            put(type)
            put("\",\"occurredAt\":\"")
            (p + pos).update(from: date, count: 10)
            pos &+= 10
            put("\",\"actor\":\"")
            bytes(actor)
            put("\",\"data\":{")
        case .csv:
            uuid()
            b(44)
            put(type)
            b(44)
            (p + pos).update(from: date, count: 10)
            pos &+= 10
            b(44)
            bytes(actor)
            b(44)  // expectedVersion: empty
        }
    }

    func end() {
        if format == .csv {
            for c in 0..<nKeys {
                b(44)
                let n = cellLen[c]
                if n >= 0 { csvCell(cells + cellStart[c], n) }
            }
            b(10)
            for c in touched { cellLen[c] = -1 }
            touched.removeAll(keepingCapacity: true)
            cellsPos = 0
        } else {
            put("}}")
            if format == .jsonl { b(10) }
        }
        if count >= limit {
            pos = evStart
            return
        }
        count += 1
        if pos >= flushAt { flush() }
    }

    private func csvCell(_ src: UnsafeMutablePointer<UInt8>, _ n: Int) {
        var needs = false
        for i in 0..<n {
            let c = src[i]
            if c == 44 || c == 34 || c == 10 || c == 13 {
                needs = true
                break
            }
        }
        if !needs {
            (p + pos).update(from: src, count: n)
            pos &+= n
            return
        }
        b(34)
        for i in 0..<n {
            let c = src[i]
            if c == 34 { b(34) }
            b(c)
        }
        b(34)
    }

    // MARK: fields

    @inline(__always) var quoted: Bool { format != .csv || depth > 0 }

    @inline(__always) func key(_ k: Field) {
        if format == .csv {
            curKey = k.rawValue
            fieldStart = pos
        } else {
            if !firstField { b(44) }
            firstField = false
            bytes(keyJSON[k.rawValue])
        }
    }

    @inline(__always) func endKey() {
        guard format == .csv else { return }
        let n = pos - fieldStart
        (cells + cellsPos).update(from: p + fieldStart, count: n)
        cellStart[curKey] = cellsPos
        cellLen[curKey] = n
        cellsPos += n
        touched.append(curKey)
        pos = fieldStart
    }

    /// Key of a nested object member (always JSON, whatever the format).
    @inline(__always) func nkey(_ s: StaticString, first: Bool) {
        if !first { b(44) }
        b(34)
        put(s)
        b(34)
        b(58)
    }

    @inline(__always) func open(_ c: UInt8) {
        b(c)
        depth += 1
    }

    @inline(__always) func close(_ c: UInt8) {
        b(c)
        depth -= 1
    }

    // values
    @inline(__always) func vS(_ s: StaticString) {
        let q = quoted
        if q { b(34) }
        put(s)
        if q { b(34) }
    }

    @inline(__always) func vB(_ s: [UInt8]) {
        let q = quoted
        if q { b(34) }
        bytes(s)
        if q { b(34) }
    }

    @inline(__always) func vId(_ prefix: StaticString, _ num: Int, _ width: Int) {
        let q = quoted
        if q { b(34) }
        put(prefix)
        pad(num, width)
        if q { b(34) }
    }

    @inline(__always) func vDate(_ day: Int) {
        let q = quoted
        if q { b(34) }
        dateBytes(day)
        if q { b(34) }
    }

    // whole fields
    @inline(__always) func fS(_ k: Field, _ s: StaticString) {
        key(k)
        vS(s)
        endKey()
    }

    @inline(__always) func fB(_ k: Field, _ s: [UInt8]) {
        key(k)
        vB(s)
        endKey()
    }

    @inline(__always) func fId(_ k: Field, _ prefix: StaticString, _ num: Int, _ width: Int) {
        key(k)
        vId(prefix, num, width)
        endKey()
    }

    @inline(__always) func fInt(_ k: Field, _ v: Int) {
        key(k)
        int(v)
        endKey()
    }

    @inline(__always) func fBool(_ k: Field, _ v: Bool) {
        key(k)
        if v { put("true") } else { put("false") }
        endKey()
    }

    @inline(__always) func fDate(_ k: Field, _ day: Int) {
        key(k)
        vDate(day)
        endKey()
    }

    /// A string field holding a decimal number, e.g. a subsidy period "2024".
    @inline(__always) func fIntString(_ k: Field, _ v: Int) {
        key(k)
        let q = quoted
        if q { b(34) }
        int(v)
        if q { b(34) }
        endKey()
    }

    // MARK: output

    func flush() {
        if pos > 0 && !writeFailed {
            let n = fwrite(p, 1, pos, file)
            if n != pos { writeFailed = true }
        }
        pos = 0
        evStart = 0
    }

    func finish() {
        if format == .json {
            if count == 0 { put("[]\n") } else { put("\n]\n") }
        }
        flush()
        if fflush(file) != 0 { writeFailed = true }
        if closeFile { if fclose(file) != 0 { writeFailed = true } }
    }
}
