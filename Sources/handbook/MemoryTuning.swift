import CMalloc

/// glibc raises its mmap threshold every time a large block is freed (up to
/// 32 MB), after which the megabyte-sized files of a build (the print booklet,
/// the search index) come from the heap and stay with the process once written.
/// A fixed threshold keeps them in mapped memory, which goes back to the system
/// when freed. Measured with `scripts/benchmark`: the 1000-page build peaks
/// about 25 MB lower.
enum MemoryTuning {
    static func apply() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 256 << 10)
        #endif
    }
}
