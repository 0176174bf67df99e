import Foundation
import Observability
import Sentencing

/// `jianwu assist --json`: reads one JSON object per line (`{"fact": "…"}`) on standard input and writes one JSON line per
/// input with the ranked charges, articles, extracted circumstances and the sentencing recommendation. Needs no data
/// directory: the tables it uses ship inside the binary's resource bundle.
enum AssistCommand {
    static let usage = "usage: jianwu assist --json < facts.jsonl   (one {\"fact\": \"…\"} object per line)"

    static func run(arguments: [String]) -> Int32 {
        guard arguments == ["--json"] else {
            CommandLineTool.fail(usage)
            return 2
        }
        let assistant: CaseAssistant
        do {
            assistant = try CaseAssistant.bundled()
        } catch {
            CommandLineTool.fail("cannot load the sentencing tables shipped with jianwu: \(error)")
            return 1
        }
        var failures = 0
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                print(try assistant.assistJSONLine(line))
            } catch {
                // Keep one output line per input line so results stay aligned with their inputs.
                failures += 1
                print("{\"error\":\(JSONString.quote("line \(lineNumber): expected a JSON object with a string field \"fact\""))}")
            }
        }
        return failures == 0 ? 0 : 1
    }
}
