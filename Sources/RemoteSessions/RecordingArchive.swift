public import Evidence
public import Foundation
public import Media
import Security
import Store

/// After a session ends: its Janus recordings composed into one WebM under `<data-dir>/recordings`, sealed (SM3 +
/// SM2), and recorded in the store. Runs in the background; a failure is logged and the session stays as it is.
public struct RecordingArchive: Sendable {
    let janusRecordings: URL
    let directory: URL
    /// Where sealed transcripts are kept (`<data-dir>/documents`).
    let documentsDirectory: URL
    let keys: SealKeyStore
    let ingest: RecordingIngest
    let log: @Sendable (String) -> Void

    public init(janus: JanusSettings, dataDirectory: URL, keys: SealKeyStore, log: @escaping @Sendable (String) -> Void) {
        janusRecordings = janus.recordingsDirectory
        directory = dataDirectory.appending(path: "recordings")
        documentsDirectory = dataDirectory.appending(path: "documents")
        self.keys = keys
        ingest = RecordingIngest()
        self.log = log
    }

    public func file(for sessionID: String) -> URL { directory.appending(path: "\(sessionID).webm") }

    /// Composes, seals and records the session's recording; returns false when there was nothing to archive.
    @discardableResult
    func archive(sessionID: String, room: Int64, store: any Store, at now: Date) async -> Bool {
        let output = file(for: sessionID)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try ingest.ingest(room: room, from: janusRecordings, into: output)
            let seal = try SealedFiles.seal(output, with: keys.sealer)
            let size = (try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
            let sealText = String(decoding: try JSONEncoder().encode(seal), as: UTF8.self)
            try await store.withTransaction { tx in
                try await tx.execute("DELETE FROM session_recordings WHERE session_id = \(sessionID)")
                try await tx.execute(
                    """
                    INSERT INTO session_recordings (session_id, file, byte_count, sm3, seal, created_at)
                    VALUES (\(sessionID), \(output.lastPathComponent), \(Int64(size)), \(seal.digestHex), \(sealText), \(now))
                    """)
            }
            return true
        } catch RecordingIngest.IngestError.nothingRecorded {
            return false
        } catch {
            log("recording of session \(sessionID) not archived: \(error)")
            return false
        }
    }
}
