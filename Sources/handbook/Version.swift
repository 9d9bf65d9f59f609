/// The release of the tool, printed by `handbook --version`: the one place it
/// is written. Raise it when a release changes what a handbook may contain or
/// what the commands print.
enum Version {
    static let current = "0.9.0"
}
