/// A place in a content file, 1-based, as editors and compilers print it.
package struct SourceLocation: Hashable, Sendable, Comparable {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the content, reported as `path:line:column: severity: message`.
/// Errors are values: stages collect them instead of throwing at the first one,
/// so an editor sees every problem of a build at once.
package struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        case warning, error
        package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// What a diagnostic is about, where the build sums many up in one line
    /// (`unknown keys: lang (49 files), …`) or counts them per page.
    package enum Topic: Hashable, Sendable {
        case unknownKey(String)
        case rawHTML
        case foreignTemplate
    }

    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    package var topic: Topic?

    package init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    package static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    package static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// One line, always: a control character in a file name or quoted text is
    /// shown as an escape (`\u{A}`) so that it cannot break the format.
    package var description: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)".escapingControlCharacters()
    }
}

extension Array where Element == Diagnostic {
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for output: by file, line, column, then message.
    package func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown by a pipeline stage when it found errors it cannot build past.
package struct BuildFailed: Error, Sendable {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension String {
    func escapingControlCharacters() -> String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
