import Foundation
import Search

/// Paths to the shipped data inside the repository (tests never read ../shared).
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let laws = repositoryRoot.appendingPathComponent("Data/laws")
    static let dictionaries = repositoryRoot.appendingPathComponent("Data/dict")

    static func law(_ fileName: String) throws -> LawDocument {
        try LawMarkdownParser().parse(fileAt: laws.appendingPathComponent(fileName))
    }

    static let criminalLaw = "刑法.md"
    static let criminalProcedureLaw = "刑事诉讼法(2018-10-26).md"
    static let spcInterpretation = "最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md"
    static let procuratorateRules = "人民检察院刑事诉讼规则(2019-12-02).md"
}

/// The shipped dictionaries, loaded once for all tests (through a cache in the temporary directory).
enum SharedSegmenter {
    static let segmenter: Segmenter = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-search-tests-dict.bin")
        let dictionary = try! WordDictionary.loadShipped(directory: Fixtures.dictionaries, cache: cache)
        return Segmenter(dictionary: dictionary)
    }()
}

/// An index over the key statutes shipped in Data/laws, built once for all tests.
enum SharedIndex {
    static let files = [
        (Fixtures.criminalLaw, "criminal-law", "刑法", "法律", false),
        (Fixtures.criminalProcedureLaw, "criminal-procedure-law", "诉讼与非诉讼程序法", "法律", false),
        (Fixtures.spcInterpretation, "spc-cpl-interpretation", "司法解释", "司法解释", false),
        (Fixtures.procuratorateRules, "procuratorate-rules", "司法解释", "司法解释", false),
        ("最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释(2013-04-02).md", "theft-interpretation", "司法解释", "司法解释", false),
    ]

    static let index: SearchIndex = {
        let laws = files.map { file in
            (document: try! Fixtures.law(file.0), metadata: LawMetadata(id: file.1, category: file.2, level: file.3, isExpired: file.4))
        }
        let charges = try! ArticleKeywords.loadCriminalLawCharges(csvAt: Fixtures.laws.appendingPathComponent("criminal-law-articles-with-charges.csv"))
        return SearchIndex(laws: laws, segmenter: SharedSegmenter.segmenter, keywords: charges)
    }()
}
