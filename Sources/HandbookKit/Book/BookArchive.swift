import Foundation
import ZIPFoundation

/// The EPUB container: a ZIP whose first entry is `mimetype`, stored without
/// compression, so that a reader can tell the format from the first bytes.
/// Every entry has the same date and permissions and the entries after
/// `mimetype` come in path order, so the same book is the same file, byte for byte.
enum BookArchive {
    static let mimetype = "application/epub+zip"

    static func zip(_ files: [Book.File], date: Date) throws -> [UInt8] {
        let rest = files.filter { $0.path != "mimetype" }.sorted { $0.path < $1.path }
        return try write([Book.File(path: "mimetype", bytes: Array(mimetype.utf8))] + rest, date: date, storedFirst: true)
    }

    /// Any other package (the SCORM one): every entry compressed, in path order, with one date.
    static func zipInPathOrder(_ files: [Book.File], date: Date) throws -> [UInt8] {
        try write(files.sorted { $0.path < $1.path }, date: date, storedFirst: false)
    }

    private static func write(_ files: [Book.File], date: Date, storedFirst: Bool) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (index, file) in files.enumerated() {
            let data = Data(file.bytes)
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                permissions: 0o644, compressionMethod: storedFirst && index == 0 ? .none : .deflate,
                provider: { position, size in data.subdata(in: Data.Index(position)..<Data.Index(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }
}
