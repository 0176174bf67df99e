import Foundation
import Media
import Testing

/// Composing a session's streams into one WebM (VP8 + Opus) with the real ffmpeg.
struct RecordingIngestTests {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg") }
    static var required: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    static func ffmpeg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/ffmpeg")
        process.arguments = ["-hide_banner", "-loglevel", "error", "-y"] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static func probe(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/ffprobe")
        process.arguments = ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test func twoParticipantsBecomeOneWebMWithVP8AndOpus() throws {
        guard Self.available else {
            #expect(!Self.required, "ffmpeg must be installed in CI")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-recording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // What janus-pp-rec produces: a VP8 WebM and an Opus file per participant.
        var participants: [RecordingIngest.Participant] = []
        for (index, tone) in [440, 660].enumerated() {
            let video = directory.appending(path: "p\(index).webm")
            let audio = directory.appending(path: "p\(index).opus")
            try Self.ffmpeg(["-f", "lavfi", "-i", "testsrc=size=640x480:rate=15:duration=2", "-c:v", "libvpx", "-deadline", "realtime", video.path])
            try Self.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=\(tone):duration=2", "-c:a", "libopus", audio.path])
            participants.append(.init(video: video, audio: audio))
        }
        let output = directory.appending(path: "session.webm")
        try RecordingIngest().compose(participants, into: output)
        let codecs = try Self.probe(output).split(separator: "\n").map(String.init)
        #expect(codecs.sorted() == ["opus", "vp8"])
        #expect(throws: RecordingIngest.IngestError.self) { try RecordingIngest().compose([], into: output) }
    }
}
