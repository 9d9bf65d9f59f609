import Foundation
import Testing
@testable import HandbookKit

@Suite struct PDFTests {
    /// A PDF laid out as Chromium's Skia writes one: plain objects, a nested page
    /// tree, `/Dests` in the catalog, a classic cross-reference table.
    static func pdf(dests: String, kids: String = "[3 0 R 4 0 R]") -> [UInt8] {
        let objects = [
            "<</Type /Catalog /Pages 2 0 R /Dests 7 0 R>>",
            "<</Type /Pages /Count 3 /Kids \(kids)>>",
            "<</Type /Page /Parent 2 0 R /Contents 8 0 R>>",
            "<</Type /Pages /Parent 2 0 R /Count 2 /Kids [5 0 R 6 0 R]>>",
            "<</Type /Page /Parent 4 0 R /Annots [(a string with ] and \\) inside)]>>",
            "<</Type /Page /Parent 4 0 R>>",
            dests,
            "<</Length 10>> stream\n/Type /Page\nendstream",
        ]
        var text = "%PDF-1.4\n%\u{E2}\u{E3}\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let table = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            text += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        text += "trailer\n<</Size \(objects.count + 1) /Root 1 0 R>>\nstartxref\n\(table)\n%%EOF\n"
        return Array(text.utf8)
    }

    @Test func namedDestinationsGiveThePagesInTheOrderOfThePageTree() {
        let dests = "<</index [3 0 R /XYZ 0 814.9 0]\n/team-mistakes#2Fno-blame [6 0 R /XYZ 0 251.6 0]\n/caf#C3#A9 [5 0 R /XYZ 0 1 0]>>"
        let pages = PDFDestinations.pages(in: Self.pdf(dests: dests))
        #expect(pages == ["index": 1, "team-mistakes/no-blame": 3, "café": 2])
    }

    @Test func aFileLaidOutOtherwiseGivesNothingRatherThanWrongPages() {
        #expect(PDFDestinations.pages(in: Array("%PDF-1.7\nnot really\n".utf8)) == nil)
        // A page tree that names an object twice (a loop) is not a tree.
        #expect(PDFDestinations.pages(in: Self.pdf(dests: "<</a [3 0 R /XYZ 0 0 0]>>", kids: "[3 0 R 4 0 R 2 0 R]")) == nil)
        var broken = Self.pdf(dests: "<</a [3 0 R /XYZ 0 0 0]>>")
        broken.removeFirst(3)  // every offset in the table is now wrong
        #expect(PDFDestinations.pages(in: broken) == nil)
    }

    @Test func theContentsListGetsItsNumbersAndOnlyThose() {
        let booklet = """
            <li><a href="#index">Home</a><span class="booklet-page-number" data-anchor="index"></span>
            <li><a href="#a/it&#39;s">It's</a><span class="booklet-page-number" data-anchor="a/it&#39;s"></span></li>
            <p>text</p>
            """
        #expect(PDFExporter.numberedAnchors(booklet) == ["index", "a/it's"])
        let numbered = PDFExporter.numberContents(booklet, pages: ["index": 2, "a/it's": 14])
        #expect(numbered == """
            <li><a href="#index">Home</a><span class="booklet-page-number" data-anchor="index">2</span>
            <li><a href="#a/it&#39;s">It's</a><span class="booklet-page-number" data-anchor="a/it&#39;s">14</span></li>
            <p>text</p>
            """)
    }

    @Test func theBookletLeavesRoomForAPageNumberAfterEveryEntryOfItsContents() throws {
        let fixture = try Fixture()
        #expect(fixture.build().ok)
        let booklet = try #require(fixture.read("en/print.html"))
        #expect(PDFExporter.numberedAnchors(booklet) == ["index", "guide/index", "guide/page"])
    }
}
