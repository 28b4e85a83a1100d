//! wasm exports for record (filled in by its issue).
