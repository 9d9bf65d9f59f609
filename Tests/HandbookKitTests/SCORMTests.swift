import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import HandbookKit

@Suite struct SCORMTests {
    /// The EPUB's handbook: two languages, a link to the other language, an
    /// image, a comparison for the practice, a page standing in for a missing translation.
    static func fixture() throws -> Fixture { try EPUBTests.fixture() }

    static func package(_ fixture: Fixture, language: String = "en", mastery: Int = 80) throws -> [(path: String, text: String, bytes: [UInt8])] {
        let made = try SCORMExporter(content: fixture.content, output: fixture.output, mastery: mastery).packages(languages: [language])
        let archive = try Archive(data: Data(try #require(made.packages.first).bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            return (entry.path, String(decoding: data, as: UTF8.self), Array(data))
        }
    }

    /// What the manifest says, read with an XML parser.
    final class Manifest: NSObject, XMLParserDelegate {
        var elements: [(name: String, namespace: String?, attributes: [String: String])] = []
        var text: [String: String] = [:]
        private var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, namespaceURI, attributes))
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty, text[name] == nil { text[name] = trimmed }
            current = ""
        }
        func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
    }

    static func manifest(_ text: String) throws -> Manifest {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        let manifest = Manifest()
        parser.delegate = manifest
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        return manifest
    }

    @Test func theManifestIsSCORM12AndListsExactlyTheFilesOfThePackage() throws {
        let fixture = try Self.fixture()
        let entries = try Self.package(fixture, mastery: 75)
        let manifestText = try #require(entries.first { $0.path == "imsmanifest.xml" }).text
        let manifest = try Self.manifest(manifestText)

        let root = try #require(manifest.elements.first)
        #expect(root.name == "manifest" && root.namespace == "http://www.imsproject.org/xsd/imscp_rootv1p1p2")
        #expect(manifest.elements.contains { $0.namespace == "http://www.adlnet.org/xsd/adlcp_rootv1p2" && $0.name == "masteryscore" })
        #expect(manifest.text["schema"] == "ADL SCORM" && manifest.text["schemaversion"] == "1.2")
        #expect(manifest.text["masteryscore"] == "75")
        #expect(manifest.text["title"] == "Test Handbook")

        let identifiers = manifest.elements.compactMap { $0.attributes["identifier"] }
        #expect(identifiers.count == 4, "manifest, organization, item, resource: \(identifiers)")
        #expect(Set(identifiers).count == identifiers.count, "identifiers are unique")
        let organizations = try #require(manifest.all("organizations").first)
        #expect(manifest.all("organization").map { $0["identifier"] } == [organizations["default"]])
        let resources = manifest.all("resource")
        #expect(resources.count == 1)
        let resource = try #require(resources.first)
        #expect((resource["scormtype"] ?? resource["adlcp:scormtype"]) == "sco" && resource["type"] == "webcontent" && resource["href"] == "scorm.html")
        #expect(manifest.all("item").map { $0["identifierref"] } == [resource["identifier"]], "the item launches the SCO")

        let listed = manifest.all("file").compactMap { $0["href"] }.map { $0.removingPercentEncoding ?? $0 }
        let inZip = entries.map(\.path)
        #expect(Set(listed).count == listed.count, "each file listed once")
        #expect(Set(listed) == Set(inZip).subtracting(["imsmanifest.xml"]), "every listed file is in the zip and every file in the zip is listed")
        #expect(inZip == inZip.sorted(), "entries in path order")
        for needed in ["scorm.html", "scorm.js", "theme/handbook.js", "theme/style.css", "en/index.html",
                       "en/guide/index.html", "en/guide/page.html", "en/practice.html", "en/print.html", "en/logo.png"] {
            #expect(inZip.contains(needed), "\(needed) in the package")
        }
        #expect(!inZip.contains { $0.hasPrefix("de/") || $0 == "index.html" }, "no other language, no language chooser")
    }

    @Test func nothingInThePackageRefersOutsideIt() throws {
        let fixture = try Self.fixture()
        let made = try SCORMExporter(content: fixture.content, output: fixture.output).packages(languages: ["en"])
        let archive = try Archive(data: Data(try #require(made.packages.first).bytes), accessMode: .read)
        var files: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            files[entry.path] = Array(data)
        }
        var checked = 0
        for (path, bytes) in files where path.hasSuffix(".html") {
            for reference in PackageLinks.references(bytes, at: path) {
                guard let target = reference.path else {
                    #expect(!reference.value.hasPrefix("//"), "\(path): \(reference.value)")
                    continue
                }
                checked += 1
                // gone.png is the fixture's broken image: the build shows it, the package warns.
                #expect(files[target] != nil || target == "en/guide/gone.png", "\(path) refers to \(reference.value), outside the package")
            }
        }
        #expect(checked > 50)
        // The German link of the content is text now, with a warning that says where.
        let guide = String(decoding: try #require(files["en/guide/index.html"]), as: UTF8.self)
        #expect(guide.contains("In <a >Deutsch</a>."), "\(guide)")
        #expect(made.warnings.contains { $0.message.contains("shows the link '../../de/index.html' as text") && $0.location.path.hasSuffix("en/guide/index.html") },
                "\(made.warnings)")
        // The language menu stays, its other languages as text; no address is left for a script to restore.
        let home = String(decoding: try #require(files["en/index.html"]), as: UTF8.self)
        #expect(!home.contains("hreflang=\"de\" href") && !home.contains("data-anchors"))
        #expect(!home.contains("<link rel=\"alternate\" hreflang=\"de\""))
    }

    @Test func theLaunchPageKnowsThePagesThePracticeAndTheMasteryScore() throws {
        let fixture = try Self.fixture()
        let entries = try Self.package(fixture, mastery: 60)
        let launch = try #require(entries.first { $0.path == "scorm.html" }).text
        #expect(launch.contains("<html lang=\"en\" dir=\"ltr\" data-start=\"en/index.html\" data-pages=\"[&quot;en/index.html&quot;,&quot;en/guide/index.html&quot;,&quot;en/guide/page.html&quot;]\" data-practice=\"en/practice.html\" data-mastery=\"60\">"),
                "\(launch)")
        #expect(launch.contains("<script src=\"scorm.js\"></script>"))
        let script = try #require(entries.first { $0.path == "scorm.js" }).text
        for call in ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "window.opener",
                     "cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.session_time", "cmi.suspend_data", "cmi.core.lesson_location"] {
            #expect(script.contains(call), "scorm.js uses \(call)")
        }
    }

    @Test func theSameSiteMakesTheSameBytes() throws {
        let one = try Self.fixture()
        let two = try Self.fixture()
        let first = try SCORMExporter(content: one.content, output: one.output).packages().packages
        Thread.sleep(forTimeInterval: 1.1)
        let second = try SCORMExporter(content: two.content, output: two.output).packages().packages
        #expect(first.map(\.language) == ["en", "de"])
        #expect(first.map(\.bytes) == second.map(\.bytes))
        let other = try SCORMExporter(content: one.content, output: one.output, mastery: 90).packages().packages
        #expect(other[0].bytes != first[0].bytes, "the mastery score is part of the package")
    }

    @Test func exportWritesIntoTheLanguageFolders() throws {
        let fixture = try Self.fixture()
        let (written, _) = try SCORMExporter(content: fixture.content, output: fixture.output).export(languages: ["de"])
        #expect(written == [fixture.output + "/de/handbook-de-scorm.zip"])
        #expect(FileManager.default.fileExists(atPath: written[0]))
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/en/handbook-en-scorm.zip"))
        // Made again, the previous package is not packed into the next one.
        _ = try SCORMExporter(content: fixture.content, output: fixture.output).export(languages: ["de"])
        let paths = try Self.package(fixture, language: "de").map(\.path)
        #expect(!paths.contains { $0.hasSuffix(".zip") })
    }

    @Test func aSiteNotBuiltAnUnknownLanguageOrAMasteryOutOfRangeIsAnError() throws {
        let fixture = try Fixture(EPUBTests.files)
        try fixture.write("en/logo.png", "not built, not read")
        do {
            _ = try SCORMExporter(content: fixture.content, output: fixture.output).export()
            Issue.record("a site not built must fail")
        } catch {
            #expect(error.diagnostics.contains { $0.severity == .error && $0.message.contains("run 'handbook build --output \(fixture.output)' first") },
                    "\(error.diagnostics)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
        do {
            _ = try SCORMExporter(content: fixture.content, output: fixture.output).packages(languages: ["fr"])
            Issue.record("an unknown language must fail")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.message)
                    == ["no language 'fr' in this handbook (languages: en, de)"])
        }
        do {
            _ = try SCORMExporter(content: fixture.content, output: fixture.output, mastery: 101).packages()
            Issue.record("a mastery score over 100 must fail")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["the mastery score must be a percentage from 0 to 100, not 101"])
        }
    }

    @Test func referencesResolveAsABrowserResolvesThem() {
        #expect(PackageLinks.resolve("../theme/style.css", from: "en") == "theme/style.css")
        #expect(PackageLinks.resolve("guide/", from: "en") == "en/guide/index.html")
        #expect(PackageLinks.resolve("page.html#x?y", from: "en/guide") == "en/guide/page.html")
        #expect(PackageLinks.resolve("a%20b.png", from: "en") == "en/a b.png")
        #expect(PackageLinks.resolve("../../x.html", from: "en")?.hasPrefix("../") == true, "above the root: outside")
        #expect(PackageLinks.resolve("/en/index.html", from: "en")?.hasPrefix("/") == true, "root-absolute: outside")
        #expect(PackageLinks.resolve("https://example.com/", from: "en") == nil)
        #expect(PackageLinks.resolve("mailto:a@b.c", from: "en") == nil)
        #expect(PackageLinks.resolve("#top", from: "en") == nil)
        let html = Array("<script>if (a<b) x = '<a href=\"no.html\">';</script><a class=x href='../de/a.html' data-anchors=\"{}\">A</a><link rel=alternate href=\"../de/a.html\"><img src=\"in.png\">".utf8)
        let found = PackageLinks.references(html, at: "en/index.html")
        #expect(found.map(\.value) == ["../de/a.html", "../de/a.html", "in.png"], "script text is not markup")
        let (rewritten, _) = PackageLinks.rewrite(html, at: "en/index.html") { $0.hasPrefix("en/") }
        #expect(String(decoding: rewritten, as: UTF8.self)
                == "<script>if (a<b) x = '<a href=\"no.html\">';</script><a class=x  >A</a><img src=\"in.png\">")
    }
}
