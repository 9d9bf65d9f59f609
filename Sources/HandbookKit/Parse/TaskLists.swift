/// cmark-gfm writes a task list item as `<li><input type="checkbox" disabled="" /> text</li>`:
/// a greyed-out checkbox that nothing labels, which looks broken and which
/// screen readers announce as a bare "checkbox". This wraps the box and the
/// item's own text in a `<label>`, up to the end of the item or its first
/// nested block, and drops `disabled`: a checklist is there to be ticked (the
/// reader's tools keep the ticks). Pages without task lists pass through
/// untouched, after one search. Done once, as the page is parsed, on cmark's
/// HTML: the label depends on nothing but the item.
enum TaskLists {
    static let checkbox = "<input type=\"checkbox\""
    /// Where an item's own text ends: its end, a nested block, or a block the theme draws (`BodyMarkers`).
    static let blockStarts = ["\u{1}", "</li>", "</p>", "\n<ul", "\n<ol", "\n<p", "\n<div", "\n<blockquote", "\n<pre", "\n<table", "\n<h"]

    /// Whether the body holds a task list, so the page gets the checklist tools.
    static func present(in html: String) -> Bool { html.containsBytes(of: checkbox) }

    static func label(_ html: String) -> String {
        guard html.containsBytes(of: checkbox) else { return html }
        var result = ""
        var rest = html[...]
        while let box = rest.firstRange(of: checkbox) {
            result += rest[..<box.lowerBound]
            rest = rest[box.lowerBound...]
            let end = blockStarts.compactMap { rest.firstRange(of: $0)?.lowerBound }.min() ?? rest.endIndex
            result += "<label>" + rest[..<end].replacing(" disabled=\"\"", with: "", maxReplacements: 1) + "</label>"
            rest = rest[end...]
        }
        return result + rest
    }
}
