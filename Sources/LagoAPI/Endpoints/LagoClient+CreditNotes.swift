import Foundation

extension LagoClient {
    /// `GET /credit_notes` with filters (finalized credit notes only).
    public func creditNotes(_ query: CreditNoteListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<CreditNote> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /credit_notes/{lago_id}`.
    public func creditNote(lagoId: String) async throws -> CreditNote {
        try await record(CreditNote.self, id: lagoId)
    }
}
