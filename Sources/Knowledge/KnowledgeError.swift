/// Why a knowledge operation could not run, in words for the operator.
public enum KnowledgeError: Error, CustomStringConvertible {
    case sourceMissing(String)
    case unsupportedSource(String)
    case unreadableArchive(String)
    case assetsMissing(String)

    public var description: String {
        switch self {
        case .sourceMissing(let path): "no such file or directory: \(path)"
        case .unsupportedSource(let path): "\(path) is neither a directory nor a .tar.xz archive"
        case .unreadableArchive(let path): "cannot unpack \(path) (is it a .tar.xz archive?)"
        case .assetsMissing(let what): "the shipped data is missing: \(what)"
        }
    }
}
