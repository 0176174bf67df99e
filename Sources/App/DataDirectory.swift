public import Foundation

/// The directory where Jianwu keeps its database, files and keys.
public enum DataDirectory {
    /// Creates the directory if needed and proves it is writable, or says how to fix it.
    public static func prepare(_ url: URL) throws(ConfigurationError) {
        let path = url.path
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("cannot create data directory \(path)", fix: "create it or choose another with --data-dir")
        }
        let probe = url.appending(path: ".write-test-\(getpid())")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data("ok".utf8)) else {
            throw ConfigurationError("data directory \(path) is not writable", fix: "give the user running jianwu write access, or choose another with --data-dir")
        }
        try? FileManager.default.removeItem(at: probe)
    }
}
