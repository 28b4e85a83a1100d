//! Countries: names and codes in many languages to ISO 3166-1 (being written).
