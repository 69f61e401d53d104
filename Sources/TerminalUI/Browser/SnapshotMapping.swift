import BrowserModel
import Foundation

/// Translations from the browser's snapshot vocabulary to the widgets' one. Kept in one place
/// so the renderer reads as layout, not as conversion.
enum SnapshotMapping {
    static func role(_ status: StatusRole) -> StyleRole {
        switch status {
        case .normal: return .text
        case .success: return .statusSuccess
        case .warning: return .statusWarning
        case .danger: return .statusDanger
        case .muted: return .statusDisabled
        case .info: return .statusOutline
        case .accent: return .accent
        }
    }

    static func line(_ text: StyledText) -> StyledLine {
        StyledLine(text.text, role: role(text.role), indent: text.indent, trailing: text.trailing.map { Span($0, role(text.role)) })
    }

    static func table(_ table: TableSnapshot) -> TableContent {
        let columns = table.columns.map {
            TableColumn($0.title, alignment: $0.alignment == .right ? .right : .left, priority: $0.priority, minWidth: $0.minWidth, flexible: $0.flexible)
        }
        let rows = table.rows.map { row -> [TableCell] in
            row.cells.enumerated().map { index, text in
                let cellRole = index < row.cellRoles.count ? row.cellRoles[index] : .normal
                let effective = cellRole == .normal ? row.role : cellRole
                return TableCell(text, role: role(effective), changed: row.changedColumns.contains(index))
            }
        }
        return TableContent(columns: columns, rows: rows, firstRowIndex: table.firstRowIndex, totalRows: table.totalRows,
                            cursorIndex: table.cursorIndex, sortColumn: table.sort?.column, sortAscending: table.sort?.ascending ?? true,
                            hasMore: table.hasMore, marks: table.rows.map { row in
                                switch row.mark {
                                case .none: return .none
                                case .marked: return .marked
                                case .skipped: return .skipped
                                }
                            })
    }

    static func header(_ header: HeaderSnapshot, busy: Bool, stale: Bool, now: Date) -> HeaderInfo {
        let connection: ConnectionState
        if let status = header.apiStatus {
            connection = .problem(status + (header.recovery.map { " · " + $0 } ?? ""))
        } else if let recovery = header.recovery {
            // Another request went well, but a pane is still waiting for its retry.
            connection = .problem(recovery)
        } else if stale, let last = header.lastRefresh {
            connection = .cached(age: now.timeIntervalSince(last))
        } else {
            connection = .online
        }
        return HeaderInfo(profile: header.profile, organization: header.apiHost, environment: header.environment == .live ? .live : .test,
                          readOnly: header.readOnly, connection: connection, busy: busy)
    }

    static func dialog(_ dialog: DialogSnapshot) -> DialogInfo {
        DialogInfo(title: dialog.title, lines: dialog.lines.map(line),
                   fields: dialog.fields.map { DialogField(label: $0.label, value: $0.value, placeholder: $0.placeholder, focused: $0.focused, hint: $0.hint, error: $0.error) },
                   buttons: dialog.buttons, focusedButton: dialog.focusedButton, dangerous: dialog.dangerous, error: dialog.error, submitting: dialog.submitting,
                   compactFields: dialog.compactFields)
    }

    static func help(_ help: HelpSnapshot) -> HelpOverlay {
        HelpOverlay(sections: help.sections.map { section in
            HelpSection(title: section.title, entries: section.entries.map {
                HelpEntry(key: $0.key, title: $0.title, enabled: $0.enabled, reason: $0.disabledReason, dangerous: $0.dangerous)
            })
        }, notes: help.conflicts.map { "Key conflict: " + $0 })
    }

    static func prompt(_ prompt: PromptSnapshot) -> PromptInfo {
        PromptInfo(kind: prompt.kind == .command ? .command : .filter, text: prompt.text, cursor: prompt.cursor,
                   suggestion: prompt.suggestion, candidates: prompt.candidates, message: prompt.message)
    }

    static func toasts(_ toasts: [Toast], tasks: [TaskSnapshot], spinnerFrame: Int) -> [ToastInfo] {
        var result: [ToastInfo] = []
        for task in tasks {
            switch task.state {
            case .running(let text):
                let progress = task.fraction.map { " " + ProgressBar.text(fraction: $0, width: 16) } ?? ""
                result.append(ToastInfo(level: .info, text: "\(Spinner.frame(spinnerFrame)) \(task.title): \(text)\(progress)"))
            case .succeeded(let text): result.append(ToastInfo(level: .success, text: "\(task.title): \(text)"))
            case .failed(let text): result.append(ToastInfo(level: .error, text: "\(task.title): \(text)"))
            }
        }
        for toast in toasts {
            let level: ToastInfo.Level
            switch toast.level {
            case .info: level = .info
            case .success: level = .success
            case .warning: level = .warning
            case .error: level = .error
            }
            result.append(ToastInfo(level: level, text: toast.text))
        }
        return result
    }

    static func hints(_ hints: [KeyHint]) -> [Hint] {
        hints.map { Hint(key: $0.key, title: $0.title, enabled: $0.enabled, dangerous: $0.dangerous) }
    }
}
