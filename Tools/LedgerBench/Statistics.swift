/// The share `p` (0…1) of `values` lies at or below the result: nearest rank, no interpolation,
/// as the latency rows report it; 0 for no values.
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// The middle value (the mean of the middle two for an even count), as the rate rows of
/// repeated runs report it; 0 for no values.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
