//! wasm exports for company (filled in by its issue).
