#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Environment {
    /// The processes other than this one that hold this environment open, as far as the system
    /// tells: every process with an LMDB environment open keeps a shared lock on the first byte
    /// of its `lock.mdb` (LMDB's own way of telling whether it is alone), and Linux lists every
    /// lock in `/proc/locks`. Read there rather than probed with `fcntl`, because closing a
    /// descriptor of the lock file would drop this process's own locks on it. Empty where the
    /// system has no such list, or when the environment is opened without a lock file.
    public var otherProcessesHoldingIt: [Int32] {
        var info = stat()
        guard stat(path + "/lock.mdb", &info) == 0,
            let locks = Self.readWholeFile("/proc/locks")
        else { return [] }
        // Matched by inode alone: on an overlay file system (a container's) the kernel lists the
        // lock under the device of the layer below, not the one `stat` reports. Another file
        // with the same inode on another device, locked the same way, would only make the caller
        // wait for nothing; a missed holder would be worse.
        let inode = ":" + String(info.st_ino)
        let me = getpid()
        var holders: [Int32] = []
        // "1: POSIX  ADVISORY  READ 27909 fe:00:16736281 0 0": kind, pid, device:inode, range.
        for line in locks.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 8, fields[1] == "POSIX", fields[5].hasSuffix(inode), fields[6] == "0",
                fields[7] == "0", let pid = Int32(fields[4]), pid != me, !holders.contains(pid)
            else { continue }
            holders.append(pid)
        }
        return holders
    }

    private static func readWholeFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
