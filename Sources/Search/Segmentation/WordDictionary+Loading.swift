public import Foundation

extension WordDictionary {
    /// The file names of the shipped dictionaries (Data/dict): jieba's general one and lawa's legal terms.
    public static let shippedFileNames = ["jieba-dict.txt", "lawa-law-term.dic"]

    /// Builds the dictionary from text files of lines `word freq [tag]` (lines starting with `#` are skipped).
    ///
    /// Each file's frequencies are turned into probabilities against that file's own total, so the legal dictionary's
    /// larger counts do not swamp jieba's; a word in both keeps the higher probability.
    /// - Throws: ``SearchDataError`` when a file cannot be read.
    public static func load(textFiles: [URL]) throws -> WordDictionary {
        var dictionary = WordDictionary(capacity: 1 << 20)
        var lowest: Float = 0
        for url in textFiles {
            guard let data = try? Data(contentsOf: url) else { throw SearchDataError(reason: .unreadable, path: url.path) }
            let entries = data.withUnsafeBytes { DictionaryTextReader.read($0) }
            let total = Double(max(entries.totalFrequency, 1))
            for index in entries.frequencies.indices {
                let range = entries.ranges[index]
                let logProbability = Float(log(Double(max(entries.frequencies[index], 1)) / total))
                lowest = min(lowest, logProbability)
                dictionary.insert(word: entries.scalars[range], logProbability: logProbability)
            }
        }
        dictionary.setUnknownLogProbability(lowest - 2)
        return dictionary
    }

    private static let cacheMagic: UInt64 = 0x3144_5744_4A57_4A4A  // "JJWJDWD1", format version 1

    /// Writes the table as a binary cache that ``init(cacheAt:)`` reads back without parsing text.
    /// - Throws: when the file cannot be written.
    public func writeCache(to url: URL) throws {
        let (keys, values) = storage
        var data = Data()
        var header: [UInt64] = [Self.cacheMagic, UInt64(keys.count), UInt64(wordCount), UInt64(unknownLogProbability.bitPattern)]
        data.append(Data(bytes: &header, count: header.count * 8))
        keys.withUnsafeBytes { data.append(contentsOf: $0) }
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        try data.write(to: url, options: .atomic)
    }

    /// Reads a binary cache written by ``writeCache(to:)``.
    /// - Throws: ``SearchDataError`` when the file is missing, truncated or of another version.
    public init(cacheAt url: URL) throws {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            throw SearchDataError(reason: .unreadable, path: url.path)
        }
        let invalid = SearchDataError(reason: .invalidCache, path: url.path)
        guard data.count >= 32 else { throw invalid }
        let header = data.withUnsafeBytes { raw in (0..<4).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) } }
        let count = Int(header[1])
        guard header[0] == Self.cacheMagic, count > 0, count & (count - 1) == 0, data.count == 32 + count * 12 else { throw invalid }
        let keys = data.withUnsafeBytes { raw in
            [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[32..<(32 + count * 8)]))
                initialized = count
            }
        }
        let values = data.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[(32 + count * 8)...]))
                initialized = count
            }
        }
        self.init(keys: keys, values: values, wordCount: Int(header[2]), unknownLogProbability: Float(bitPattern: UInt32(header[3])))
    }

    /// Loads the shipped dictionaries from `directory`, through a binary cache when one is given.
    ///
    /// A cache that is missing, stale (older than a text file) or unreadable is rebuilt from the text files and rewritten;
    /// failing to write it is not an error.
    public static func loadShipped(directory: URL, cache: URL? = nil) throws -> WordDictionary {
        let textFiles = shippedFileNames.map { directory.appendingPathComponent($0) }
        if let cache, isFresh(cache, comparedWith: textFiles), let cached = try? WordDictionary(cacheAt: cache) {
            return cached
        }
        let dictionary = try load(textFiles: textFiles)
        if let cache { try? dictionary.writeCache(to: cache) }
        return dictionary
    }

    private static func isFresh(_ cache: URL, comparedWith sources: [URL]) -> Bool {
        func modified(_ url: URL) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }
        guard let cacheDate = modified(cache) else { return false }
        return sources.allSatisfy { (modified($0) ?? .distantFuture) <= cacheDate }
    }
}

/// A hand parser over the bytes of a dictionary file: no String per line.
private enum DictionaryTextReader {
    struct Entries {
        var scalars: [UInt32] = []
        var ranges: [Range<Int>] = []
        var frequencies: [Int] = []
        var totalFrequency = 0
    }

    static func read(_ bytes: UnsafeRawBufferPointer) -> Entries {
        var entries = Entries()
        entries.scalars.reserveCapacity(bytes.count / 3)
        var index = 0
        let count = bytes.count
        while index < count {
            let lineStart = index
            while index < count, bytes[index] != 0x0A { index += 1 }
            parseLine(bytes, lineStart, index, into: &entries)
            index += 1
        }
        return entries
    }

    private static func parseLine(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, into entries: inout Entries) {
        guard start < end, bytes[start] != 0x23 || (start + 1 < end && bytes[start + 1] != 0x20) else { return }
        var cursor = start
        let wordStart = entries.scalars.count
        // Decode UTF-8 up to the first space.
        while cursor < end, bytes[cursor] != 0x20, bytes[cursor] != 0x09, bytes[cursor] != 0x0D {
            let lead = UInt32(bytes[cursor])
            var scalar: UInt32
            var length: Int
            switch lead {
            case 0..<0x80: (scalar, length) = (lead, 1)
            case 0xC0..<0xE0: (scalar, length) = (lead & 0x1F, 2)
            case 0xE0..<0xF0: (scalar, length) = (lead & 0x0F, 3)
            default: (scalar, length) = (lead & 0x07, 4)
            }
            guard cursor + length <= end else { return }
            for offset in 1..<length { scalar = (scalar << 6) | (UInt32(bytes[cursor + offset]) & 0x3F) }
            entries.scalars.append(TextNormalizer.normalize(scalar))
            cursor += length
        }
        let wordEnd = entries.scalars.count
        guard wordEnd > wordStart else { return }
        while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        var frequency = 0
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, frequency < 1 << 50 {
            frequency = frequency * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        entries.ranges.append(wordStart..<wordEnd)
        entries.frequencies.append(frequency)
        entries.totalFrequency += frequency
    }
}
