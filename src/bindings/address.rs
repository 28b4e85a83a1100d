//! wasm exports for address (filled in by its issue).
