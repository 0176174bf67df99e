import Foundation

/// Writes Janus's configuration from jianwu's settings: token auth on, only the HTTP transport on 127.0.0.1, only the
/// VideoRoom plugin, recordings into the data directory. Janus is never reachable from outside except through
/// jianwu's `/janus` proxy (ARCHITECTURE §6, Media).
enum JanusConfigWriter {
    static func write(_ settings: JanusSettings) throws {
        let directory = settings.configurationDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: settings.recordingsDirectory, withIntermediateDirectories: true)
        var nat = ["full_trickle = true", "ignore_mdns = true"]
        if let interfaces = settings.iceInterfaces { nat.append("ice_enforce_list = \"\(interfaces)\"") }
        if let address = settings.publicAddress { nat.append("nat_1_1_mapping = \"\(address)\"") }
        let files: [(String, String)] = [
            (
                "janus.jcfg",
                """
                general: {
                    configs_folder = "\(directory.path)"
                    log_to_stdout = false
                    debug_level = 4
                    token_auth = true
                    token_auth_secret = "\(settings.tokenSecret)"
                    admin_secret = "\(settings.adminSecret)"
                    session_timeout = 60
                    reclaim_session_timeout = 30
                }
                media: { rtp_port_range = "\(settings.rtpPortRange)" }
                nat: { \(nat.joined(separator: "\n    ")) }
                plugins: {
                    disable = "libjanus_echotest.so,libjanus_streaming.so,libjanus_sip.so,libjanus_nosip.so,libjanus_audiobridge.so,libjanus_textroom.so,libjanus_recordplay.so,libjanus_voicemail.so,libjanus_videocall.so,libjanus_lua.so,libjanus_duktape.so"
                }
                transports: {
                    disable = "libjanus_websockets.so,libjanus_pfunix.so,libjanus_mqtt.so,libjanus_rabbitmq.so,libjanus_nanomsg.so"
                }
                events: { broadcast = false }
                loggers: { disable = "libjanus_jsonlog.so" }
                """
            ),
            (
                "janus.transport.http.jcfg",
                """
                general: { json = "compact" base_path = "/janus" http = true port = \(settings.httpPort) ip = "127.0.0.1" https = false }
                admin: { admin_base_path = "/admin" admin_http = false }
                cors: { }
                """
            ),
            (
                "janus.plugin.videoroom.jcfg",
                """
                general: { string_ids = false }
                """
            ),
        ]
        for (name, text) in files {
            let url = directory.appending(path: name)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        }
    }
}
