/// A line diff in the unified format (`@@ -a,b +c,d @@`, three lines of context),
/// from the standard library's `difference(from:)`.
package struct LineDiff: Sendable, Equatable {
    package struct Hunk: Sendable, Equatable, Encodable {
        package var oldStart: Int, oldLines: Int, newStart: Int, newLines: Int
        /// Each line with its mark: ` ` kept, `-` removed, `+` added.
        package var lines: [String]

        package var header: String { "@@ -\(oldStart),\(oldLines) +\(newStart),\(newLines) @@" }
    }

    package var hunks: [Hunk]

    package init(old: String, new: String, context: Int = 3) {
        let before = Self.lines(old), after = Self.lines(new)
        let changes = after.difference(from: before)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in changes {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // One walk through both files: (mark, old index, new index) per line of the merged view.
        var rows: [(mark: Character, text: String, old: Int, new: Int)] = []
        var i = 0, j = 0
        while i < before.count || j < after.count {
            if i < before.count, removed.contains(i) {
                rows.append(("-", before[i], i, j)); i += 1
            } else if j < after.count, inserted.contains(j) {
                rows.append(("+", after[j], i, j)); j += 1
            } else {
                rows.append((" ", before[i], i, j)); i += 1; j += 1
            }
        }
        var hunks: [Hunk] = []
        let changed = rows.indices.filter { rows[$0].mark != " " }
        var index = 0
        while index < changed.count {
            let first = max(0, changed[index] - context)
            var last = min(rows.count - 1, changed[index] + context)
            // Changes closer than twice the context share one hunk.
            while index + 1 < changed.count, changed[index + 1] - context <= last + 1 {
                index += 1
                last = min(rows.count - 1, changed[index] + context)
            }
            let slice = rows[first...last]
            let oldLines = slice.filter { $0.mark != "+" }.count, newLines = slice.filter { $0.mark != "-" }.count
            // Unified diffs number an empty side from the line before it.
            hunks.append(Hunk(
                oldStart: slice.first!.old + (oldLines == 0 ? 0 : 1), oldLines: oldLines,
                newStart: slice.first!.new + (newLines == 0 ? 0 : 1), newLines: newLines,
                lines: slice.map { String($0.mark) + $0.text }))
            index += 1
        }
        self.hunks = hunks
    }

    /// Lines without their ends; a final line end does not start another line.
    static func lines(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    package func unified(from oldName: String, to newName: String) -> String {
        guard !hunks.isEmpty else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks {
            out += hunk.header + "\n" + hunk.lines.map { $0 + "\n" }.joined()
        }
        return out
    }
}
