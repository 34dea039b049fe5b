import Foundation
import Testing

/// An output location that cannot take the results: one French line, exit code 3, the previous outputs
/// byte for byte as they were, nothing partial and no temporary directory.
///
/// A full disk and a read-only disk are real: a small tmpfs mounted in a private mount namespace
/// (`unshare -m`, which needs root), gone when the command ends. Where that is not possible the two
/// tests are skipped; the full-disk case is then covered by OutputWritersTests (ENOSPC simulated
/// through `OutputTransaction.simulatedWriteFailure`).
@Suite("Unwritable or full output location")
struct OutputFailureTests {
    static let small = ["--sample-fraction", "0.0005", "--replications", "1"]

    /// Whether a tmpfs can be mounted in a private namespace here.
    static let canMountTmpfs: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = try? RunningCommand(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                                        executable: URL(fileURLWithPath: "/usr/bin/unshare")).wait(timeout: 20)
        return probe?.status == 0
    }()

    /// Runs `script` with bash in a private mount namespace, with $R the ramusim executable, $B the
    /// baseline and $D a fresh directory (a tmpfs is mounted on $D/mnt by the script).
    static func inNamespace(_ script: String, dir: TemporaryDirectory) throws -> CommandResult {
        let r = try RunningCommand(["-m", "bash", "-c", "set -u\n" + script],
                                   environment: ["R": Ramusim.executable.path, "B": Ramusim.baseline, "D": dir.url.path],
                                   executable: URL(fileURLWithPath: "/usr/bin/unshare")).wait(timeout: 120)
        return r
    }

    /// Lists every path under $D/mnt with its SHA-256 (directories as "dir").
    static let listing = #"(cd "$D/mnt" && find . -mindepth 1 | LC_ALL=C sort | while read -r f; do if [ -d "$f" ]; then echo "$f dir"; else echo "$f $(sha256sum < "$f" | cut -c1-64)"; fi; done)"#

    @Test(.enabled(if: canMountTmpfs, "needs root to mount a tmpfs in a private namespace"))
    func diskFull() throws {
        let dir = try TemporaryDirectory()
        let r = try Self.inNamespace(#"""
            mkdir -p "$D/mnt" && mount -t tmpfs -o size=512k tmpfs "$D/mnt" || exit 90
            "$R" run "$B" --out "$D/mnt/out" --sample-fraction 0.0005 --replications 1 > /dev/null 2>&1 || exit 91
            # Fill the disk, then free 40 KB: room for a small file, not for indicators.csv (75 KB).
            dd if=/dev/zero of="$D/mnt/filler" bs=4k 2> /dev/null
            truncate -s -40K "$D/mnt/filler"
            \#(Self.listing) > "$D/before.txt"
            "$R" run "$B" --out "$D/mnt/out" --sample-fraction 0.0005 --replications 1 --seed 2 > "$D/stdout" 2> "$D/stderr"
            echo $? > "$D/status"
            \#(Self.listing) > "$D/after.txt"
            df -k "$D/mnt" | tail -1 > "$D/df.txt"
            """#, dir: dir)
        #expect(r.status == 0, "namespace script: \(r.status) \(r.stderr)")
        let status = try String(contentsOfFile: dir.path("status"), encoding: .utf8)
        let stderr = try String(contentsOfFile: dir.path("stderr"), encoding: .utf8)
        print("  disk full (\(try String(contentsOfFile: dir.path("df.txt"), encoding: .utf8).trimmingCharacters(in: .newlines))): "
              + "exit \(status.trimmingCharacters(in: .newlines)), \(stderr)")
        #expect(status == "3\n", "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
        #expect(stderr.contains("disque plein") && stderr.contains("errno 28"), "\(stderr)")
        #expect(stderr.contains("les résultats précédents sont intacts"))
        let before = try String(contentsOfFile: dir.path("before.txt"), encoding: .utf8)
        let after = try String(contentsOfFile: dir.path("after.txt"), encoding: .utf8)
        #expect(before.contains("./out/baseline/indicators.csv"))
        #expect(after == before, "the tmpfs changed:\n\(before)\n---\n\(after)")
    }

    @Test(.enabled(if: canMountTmpfs, "needs root to mount a tmpfs in a private namespace"))
    func readOnlyDisk() throws {
        let dir = try TemporaryDirectory()
        let r = try Self.inNamespace(#"""
            mkdir -p "$D/mnt" && mount -t tmpfs -o size=4m tmpfs "$D/mnt" || exit 90
            "$R" run "$B" --out "$D/mnt/out" --sample-fraction 0.0005 --replications 1 > /dev/null 2>&1 || exit 91
            mount -o remount,ro "$D/mnt" || exit 92
            \#(Self.listing) > "$D/before.txt"
            "$R" run "$B" --out "$D/mnt/out" --sample-fraction 0.0005 --replications 1 --seed 2 > "$D/stdout" 2> "$D/stderr"
            echo $? > "$D/status"
            \#(Self.listing) > "$D/after.txt"
            """#, dir: dir)
        #expect(r.status == 0, "namespace script: \(r.status) \(r.stderr)")
        let status = try String(contentsOfFile: dir.path("status"), encoding: .utf8)
        let stderr = try String(contentsOfFile: dir.path("stderr"), encoding: .utf8)
        let stdout = try String(contentsOfFile: dir.path("stdout"), encoding: .utf8)
        #expect(status == "3\n", "\(stderr)")
        #expect(stderr.contains("lecture seule") && stderr.contains("/mnt/out"), "\(stderr)")
        #expect(stdout.isEmpty, "refused before simulating: \(stdout)")
        #expect(try String(contentsOfFile: dir.path("after.txt"), encoding: .utf8)
                == String(contentsOfFile: dir.path("before.txt"), encoding: .utf8))
    }

    /// Without root, a directory without write permission (as root, chmod does not stop root).
    @Test(.enabled(if: getuid() != 0, "root writes through chmod 555; readOnlyDisk covers this case as root"))
    func directoryWithoutWritePermission() throws {
        let dir = try TemporaryDirectory()
        let first = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out")] + Self.small, timeout: 120)
        #expect(first.status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path("out"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path("out")) }
        let before = try dir.snapshot()
        let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out"), "--seed", "2"] + Self.small, timeout: 120)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("permission refusée"), "\(r.stderr)")
        #expect(try dir.snapshot() == before)
    }

    @Test func outputDirectoryIsAFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("out", "un fichier, pas un dossier\n")
        let before = try dir.snapshot()
        let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out")] + Self.small, timeout: 60)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("n'est pas un dossier") && r.stderr.contains(dir.path("out")), "\(r.stderr)")
        #expect(r.stdout.isEmpty, "refused before simulating")
        #expect(try dir.snapshot() == before)
    }
}
