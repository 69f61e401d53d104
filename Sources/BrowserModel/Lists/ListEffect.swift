import Foundation

/// Work a `ListState` transition asks for. The state never starts a task, reads a clock or
/// calls the data source; the pane's loader does, and feeds each answer back as another
/// transition tagged with the `generation` it was asked for, so answers to an older query drop.
enum ListEffect {
    /// Fetch list page `page` of `request` (`force`: past the cache).
    case load(page: Int, force: Bool, request: ListRequest, generation: Int)
    /// Read `page` again for its records' JSON only (rows are not touched).
    case reread(page: Int, request: ListRequest, generation: Int)
    /// A read-back the cursor no longer needs.
    case cancelReread(page: Int)
    /// Every read-back (the rows were cleared).
    case cancelAllRereads
    /// Read one record by its lookup key (its page no longer holds it).
    case readSingle(id: String, key: String, generation: Int)
    /// Match `filter` against rows `0..<scanned` off the main actor; `version` is the row
    /// order it was started on.
    case startFilter(FilterScan, RowFilter, version: Int, scanned: Int)
    /// Stop the background filter.
    case cancelFilter
    /// Look `term` up in the local cache first, to show instant matches.
    case searchCached(ListRequest, term: String, generation: Int)
    /// The record under the cursor changed, or became available.
    case selectionChanged
    /// A load succeeded / failed (the header status and recovery listen).
    case loadSucceeded
    case loadFailed(any Error)
    /// Something on screen changed.
    case redraw
}
