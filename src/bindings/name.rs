//! wasm exports for name (filled in by its issue).
