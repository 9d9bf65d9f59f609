/// A place in a content file, 1-based, as editors and compilers print it.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the content, reported as `path:line:column: severity: message`.
/// Errors are values: stages collect them instead of throwing at the first one,
/// so an editor sees every problem of a build at once.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// What a diagnostic is about, where the build sums many up in one line
    /// (`unknown keys: lang (49 files), …`) or counts them per page.
    public enum Topic: Hashable, Sendable {
        case unknownKey(String)
        case rawHTML
        case foreignTemplate
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var topic: Topic?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// One line, always: a control character in a file name or quoted text is
    /// shown as an escape (`\u{A}`) so that it cannot break the format.
    public var description: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)".escapingControlCharacters()
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for output: by file, line, column, then message.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown by a pipeline stage when it found errors it cannot build past.
public struct BuildFailed: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
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
