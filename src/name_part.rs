//! Which part of a person's name a field holds. Outside the `name` feature because rule sets (`record`) name a
//! field's part whether or not the name standardizer is compiled in.

/// Which part of a name a field holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NamePart {
    /// The whole name: split into given, middle and family.
    #[default]
    Full,
    /// A given-name field (first name, possibly with a middle name).
    Given,
    /// A family-name field (surname).
    Family,
}

impl NamePart {
    /// `full`, `given` or `family`.
    pub fn from_str(s: &str) -> Option<NamePart> {
        match s {
            "full" => Some(NamePart::Full),
            "given" => Some(NamePart::Given),
            "family" => Some(NamePart::Family),
            _ => None,
        }
    }
}
