/// cmark-gfm writes a task list item as `<li><input type="checkbox" disabled="" /> text</li>`:
/// a checkbox that nothing labels, which screen readers announce as a bare
/// "checkbox". This wraps the box and the item's own text in a `<label>`, up
/// to the end of the item or its first nested block. Pages without task lists
/// pass through untouched, after one search.
enum TaskLists {
    static let checkbox = "<input type=\"checkbox\""
    static let blockStarts = ["</li>", "</p>", "\n<ul", "\n<ol", "\n<p", "\n<div", "\n<blockquote", "\n<pre", "\n<table", "\n<h"]

    static func label(_ html: String) -> String {
        guard html.containsBytes(of: checkbox) else { return html }
        var result = ""
        var rest = html[...]
        while let box = rest.firstRange(of: checkbox) {
            result += rest[..<box.lowerBound]
            rest = rest[box.lowerBound...]
            let end = blockStarts.compactMap { rest.firstRange(of: $0)?.lowerBound }.min() ?? rest.endIndex
            result += "<label>" + rest[..<end] + "</label>"
            rest = rest[end...]
        }
        return result + rest
    }
}

extension String {
    /// A plain byte search: Foundation's `contains` and the generic
    /// `firstRange(of:)` cost more than rendering the page they look at.
    func containsBytes(of needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard let first = pin.first else { return true }
                guard hay.count >= pin.count else { return false }
                var index = 0
                let last = hay.count - pin.count
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < pin.count && hay[index + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
