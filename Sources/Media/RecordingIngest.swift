public import Foundation

/// Turns a session's Janus recordings (`videoroom-<room>-user-<id>-<ts>-video-0.mjr`, `…-audio-1.mjr`) into one WebM
/// (VP8 + Opus): each stream converted with `janus-pp-rec`, then the participants' pictures side by side and their
/// voices mixed with `ffmpeg`.
public struct RecordingIngest: Sendable {
    public var janusPostProcessor = "/usr/bin/janus-pp-rec"
    public var ffmpeg = "/usr/bin/ffmpeg"

    public init() {}

    public enum IngestError: Error, CustomStringConvertible {
        case toolMissing(String)
        case toolFailed(String, Int32)
        case nothingRecorded

        public var description: String {
            switch self {
            case .toolMissing(let tool): "\(tool) is not installed (apt-get install janus-tools ffmpeg)"
            case .toolFailed(let tool, let status): "\(tool) failed with status \(status)"
            case .nothingRecorded: "no recording files for this room"
            }
        }
    }

    /// One participant's converted streams.
    public struct Participant: Sendable {
        public var video: URL?
        public var audio: URL?

        public init(video: URL?, audio: URL?) {
            self.video = video
            self.audio = audio
        }
    }

    /// Converts and composes every recording of `room` found in `directory` into `output`.
    public func ingest(room: Int64, from directory: URL, into output: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let prefix = "videoroom-\(room)-user-"
        var byUser: [String: (video: URL?, audio: URL?)] = [:]
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".mjr") {
            // videoroom-<room>-user-<id>-<ts>-<video|audio>-<n>.mjr: the user part is <id>-<ts>.
            let rest = name.dropFirst(prefix.count).dropLast(".mjr".count)
            let parts = rest.split(separator: "-")
            guard parts.count >= 4 else { continue }
            let user = parts[0] + "-" + parts[1]
            let converted = directory.appending(path: String(name.dropLast(4)) + (parts[2] == "video" ? ".webm" : ".opus"))
            try run(janusPostProcessor, [directory.appending(path: name).path, converted.path])
            if parts[2] == "video" { byUser[String(user), default: (nil, nil)].video = converted } else { byUser[String(user), default: (nil, nil)].audio = converted }
        }
        let participants = byUser.keys.sorted().compactMap { key in byUser[key].map { Participant(video: $0.video, audio: $0.audio) } }
        try compose(participants, into: output)
    }

    /// One WebM: pictures side by side at 360 px high, voices mixed; VP8 and Opus.
    public func compose(_ participants: [Participant], into output: URL) throws {
        let withVideo = participants.filter { $0.video != nil }
        let withAudio = participants.filter { $0.audio != nil }
        guard !withVideo.isEmpty || !withAudio.isEmpty else { throw IngestError.nothingRecorded }
        var arguments = ["-hide_banner", "-loglevel", "error", "-y"]
        for participant in withVideo { arguments += ["-i", participant.video!.path] }
        for participant in withAudio { arguments += ["-i", participant.audio!.path] }
        var filters: [String] = []
        var maps: [String] = []
        if !withVideo.isEmpty {
            let scaled = withVideo.indices.map { "[\($0):v]scale=-2:360,setsar=1[v\($0)]" }
            let joined = withVideo.count == 1 ? "[v0]null[v]" : withVideo.indices.map { "[v\($0)]" }.joined() + "hstack=inputs=\(withVideo.count)[v]"
            filters += scaled + [joined]
            maps += ["-map", "[v]", "-c:v", "libvpx", "-b:v", "800k", "-deadline", "realtime", "-cpu-used", "8"]
        }
        if !withAudio.isEmpty {
            let first = withVideo.count
            let inputs = withAudio.indices.map { "[\(first + $0):a]" }.joined()
            filters.append(withAudio.count == 1 ? "\(inputs)anull[a]" : "\(inputs)amix=inputs=\(withAudio.count):duration=longest[a]")
            maps += ["-map", "[a]", "-c:a", "libopus", "-b:a", "48k"]
        }
        arguments += ["-filter_complex", filters.joined(separator: ";")] + maps + ["-f", "webm", output.path]
        try run(ffmpeg, arguments)
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw IngestError.toolMissing(tool) }
        let process = Process()
        process.executableURL = URL(filePath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw IngestError.toolFailed(URL(filePath: tool).lastPathComponent, process.terminationStatus) }
    }
}
