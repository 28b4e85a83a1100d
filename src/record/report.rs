//! The data-quality report (filled in next).
