/// A file of the site, named before it is made. The build makes every one
/// on every core; the preview server makes only those a browser asks for, so
/// a save costs a parse of one page rather than a render of the whole site.
public struct PlannedFile: Sendable {
    public var path: String
    /// The content file it is copied from, for messages; nil for rendered files.
    public var source: String?
    public let make: @Sendable () throws -> [UInt8]

    public init(path: String, source: String? = nil, make: @escaping @Sendable () throws -> [UInt8]) {
        self.path = path
        self.source = source
        self.make = make
    }
}
