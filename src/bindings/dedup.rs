//! wasm exports for dedup (filled in by its issue).
