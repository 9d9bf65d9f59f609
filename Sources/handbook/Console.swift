import Foundation
import HandbookKit

/// Where the commands talk to the user: diagnostics to standard error, in the
/// format editors and CI annotators understand, then a one-line summary.
enum Console {
    static func report(_ diagnostics: [Diagnostic], summary: Bool = true) {
        for diagnostic in diagnostics.sortedForDisplay() {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
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
