import Foundation

/// Marking invoices in the focused list (`space`, `V`, `*`, `u`).
extension BrowserModel {
    /// The focused list when it can hold marks (an invoice list).
    var markableList: ListPane? {
        guard let pane = top?.focused as? ListPane, pane.canMark else { return nil }
        return pane
    }

    func markAction(_ action: ActionID) {
        guard let pane = markableList else {
            toast(.warning, "Marks are for invoice lists")
            return
        }
        switch action {
        case .toggleMark: pane.toggleMark()
        case .markRange: pane.markRange()
        case .markAll: pane.markAll()
        case .clearMarks: pane.clearMarks()
        default: break
        }
    }
}
