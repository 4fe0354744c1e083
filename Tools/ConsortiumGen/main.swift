// consortium-gen: deterministic synthetic history for a city industry–education consortium.
// See README.md for usage and proportions.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

let usage = """
    usage: consortium-gen --events N [--seed S] [--format jsonl|json|csv] [--out FILE|-] [--start-year YYYY]

    Writes a synthetic consortium history of exactly N import lines (docs/DOMAIN.md, Import line), in
    occurredAt order; every prefix is a valid history. Same seed and N give byte-identical output.

      --events N        number of events to emit (required; 1e5 ≈ one city-year)
      --seed S          PRNG seed, unsigned integer (default 1)
      --format F        jsonl (default), json (one array) or csv (data.* flattened, RFC 4180)
      --out FILE        output file, or - for stdout (default -)
      --start-year Y    first calendar year of the history (default 2023)
      --years Y         override the planned number of years (default: 3..6 by N)
      --scale X         override the city-scale factor (default: derived from N and years)
      --planted FILE    also write the planted suspicious claims, one JSON line each
                        ({"claimId": …, "flag": …}); their counts per flag go to stderr always
      --help            this text (exit status 2, like any usage error)

    """

func errOut(_ s: String) {
    let e = fdopen(2, "w")
    if let e {
        fputs(s, e)
        fflush(e)
    }
}

func runMain() {
    func fail(_ msg: String) -> Never {
        if !msg.isEmpty { errOut("consortium-gen: \(msg)\n") }
        errOut(usage)
        exit(2)
    }

    var events: Int?
    var seed: UInt64 = 1
    var format = OutFormat.jsonl
    var outPath = "-"
    var startYearOverride: Int?
    var yearsOverride: Int?
    var scaleOverride: Double?
    var plantedPath: String?

    var args = Array(CommandLine.arguments.dropFirst())
    var i = 0
    func value(_ flag: String) -> String {
        i += 1
        guard i < args.count else { fail("missing value for \(flag)") }
        return args[i]
    }
    while i < args.count {
        var a = args[i]
        // accept --flag=value too
        if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
            args.insert(String(a[a.index(after: eq)...]), at: i + 1)
            a = String(a[..<eq])
        }
        switch a {
        case "--help", "-h":
            errOut(usage)
            exit(2)
        case "--events", "-n":
            let v = value(a)
            if let n = Int(v), n >= 0 {
                events = n
            } else if let d = Double(v), d >= 0, d < 1e15, d == d.rounded() {
                events = Int(d)  // allows 1e6
            } else {
                fail("bad --events \(v)")
            }
        case "--seed":
            let v = value(a)
            guard let s = UInt64(v) else { fail("bad --seed \(v)") }
            seed = s
        case "--format":
            switch value(a) {
            case "jsonl": format = .jsonl
            case "json": format = .json
            case "csv": format = .csv
            default: fail("bad --format (jsonl|json|csv)")
            }
        case "--out", "-o": outPath = value(a)
        case "--planted": plantedPath = value(a)
        case "--start-year":
            let v = value(a)
            guard let y = Int(v), y >= 1971, y <= 9000 else { fail("bad --start-year \(v)") }
            startYearOverride = y
        case "--years":
            let v = value(a)
            guard let y = Int(v), y >= 1, y <= 200 else { fail("bad --years \(v)") }
            yearsOverride = y
        case "--scale":
            let v = value(a)
            guard let x = Double(v), x > 0, x < 1e5 else { fail("bad --scale \(v)") }
            scaleOverride = x
        default:
            fail("unknown argument \(a)")
        }
        i += 1
    }
    guard let n = events else { fail("--events is required") }

    // Planned years grow slowly with N; the city-scale factor makes ~N events fit into them.
    // Per-city-year volume ramps up as the first cohorts move through their stages.
    let years = yearsOverride ?? (n <= 200_000 ? 3 : (n <= 2_000_000 ? 4 : (n <= 20_000_000 ? 5 : 6)))
    let rampPerCity: [Double] = [30_000, 47_000, 75_000, 84_000, 87_000]
    var perCityTotal = 0.0
    var g = 1.0
    for k in 0..<years {
        perCityTotal += rampPerCity[min(k, rampPerCity.count - 1)] * g
        g *= 1.03
    }
    let scale = scaleOverride ?? max(0.01, Double(n) / perCityTotal)
    // The history must lie in the past: the ledger refuses an occurredAt more than a day after
    // its recording (docs/HOSTILE-INPUT.md). 2023 as always, unless the history would reach the
    // current year; then it ends with last year. The simulation runs `years` full years after
    // the start year's first intake, so it covers years + 1 calendar years.
    var now = time(nil)
    var civil = tm()
    gmtime_r(&now, &civil)
    let startYear = startYearOverride ?? min(2023, Int(civil.tm_year) + 1900 - years - 1)

    let file: UnsafeMutablePointer<FILE>
    var closeFile = false
    if outPath == "-" {
        guard let f = fdopen(1, "wb") else { exit(1) }
        file = f
    } else {
        guard let f = fopen(outPath, "wb") else {
            errOut("consortium-gen: cannot open \(outPath): \(String(cString: strerror(errno)))\n")
            exit(1)
        }
        file = f
        closeFile = true
    }

    let writer = Writer(
        format: format, limit: n, file: file, closeFile: closeFile, idSeed: seed &* 0x9E37_79B9_7F4A_7C15 ^ 0x1D)
    let sim = Simulation(
        params: Params(events: n, seed: seed, startYear: startYear, years: years, scale: scale), writer: writer)
    if n > 0 { sim.run() }
    writer.finish()
    if writer.writeFailed {
        errOut("consortium-gen: write failed\n")
        exit(1)
    }
    let summary = sim.plantedSummary()
    let total = summary.reduce(0) { $0 + $1.1 }
    errOut(
        "consortium-gen: planted \(total) suspicious claims: "
            + summary.map { "\($0.0.code) \($0.1)" }.joined(separator: ", ") + "\n")
    if let plantedPath {
        guard let file = fopen(plantedPath, "wb") else {
            errOut("consortium-gen: cannot open \(plantedPath): \(String(cString: strerror(errno)))\n")
            exit(1)
        }
        for claim in sim.plantedClaims where claim.complete {
            var number = String(claim.claimNumber)
            while number.count < 8 { number = "0" + number }
            fputs("{\"claimId\":\"CL\(number)\",\"flag\":\"\(claim.kind.code)\"}\n", file)
        }
        guard fclose(file) == 0 else {
            errOut("consortium-gen: write failed on \(plantedPath)\n")
            exit(1)
        }
    }

}

runMain()
