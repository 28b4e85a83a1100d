//! wasm exports for website (filled in by its issue).
