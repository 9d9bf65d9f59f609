import Foundation
import HandbookKit

/// Where the commands talk to the user: diagnostics to standard error, in the
/// format editors and CI annotators understand, then a one-line summary.
enum Console {
    /// At most this many problems are printed per file; a file with thousands of
    /// the same mistake gets a count instead of a wall of text.
    static let perFileLimit = 50

    static func report(_ diagnostics: [Diagnostic], summary: Bool = true) {
        var text = ""
        var shown: [String: Int] = [:]
        var hidden: [String: (Diagnostic, Int)] = [:]
        for diagnostic in diagnostics.sortedForDisplay() {
            let path = diagnostic.location.path
            if shown[path, default: 0] < perFileLimit {
                shown[path, default: 0] += 1
                text += diagnostic.description + "\n"
            } else {
                hidden[path] = (hidden[path]?.0 ?? diagnostic, (hidden[path]?.1 ?? 0) + 1)
            }
        }
        for (_, (first, count)) in hidden.sorted(by: { $0.key < $1.key }) {
            text += Diagnostic(first.severity, "… and \(count) more problem\(count == 1 ? "" : "s") in this file, not shown",
                at: first.location).description + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if summary && errors > 0 {
            FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was written.\n".utf8))
        }
    }

    static func status(_ line: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((line + terminator).utf8))
    }

    static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

}
