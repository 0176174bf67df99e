import App
import Foundation

// The executable stays thin: it parses the subcommand and hands over to App.
let arguments = Array(CommandLine.arguments.dropFirst())
exit(await CommandLineTool.run(arguments: arguments, environment: ProcessInfo.processInfo.environment))
