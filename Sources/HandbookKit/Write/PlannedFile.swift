/// A file of the site, named before it is made. The build makes every one
/// on every core; the preview server makes only those a browser asks for, so
/// a save costs a parse of one page rather than a render of the whole site.
package struct PlannedFile: Sendable {
    package var path: String
    /// The content file it is copied from, for messages; nil for rendered files.
    package var source: String?
    package let make: @Sendable () throws -> [UInt8]

    package init(path: String, source: String? = nil, make: @escaping @Sendable () throws -> [UInt8]) {
        self.path = path
        self.source = source
        self.make = make
    }
}
