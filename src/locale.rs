//! Message languages and rendering of message templates.

use crate::issue::Code;

/// A language messages are rendered in. `Fa` and `Ar` are right-to-left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    En = 0,
    Fa = 1,
    Ar = 2,
    Zh = 3,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Fa, Locale::Ar, Locale::Zh];

    /// Parses a BCP 47 tag by its primary language (`fa-IR` is `Fa`, `zh-Hant` is `Zh`).
    /// Unknown languages fall back to English rather than failing: a message is always produced.
    pub fn from_tag(tag: &str) -> Locale {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "fa" | "per" | "fas" => Locale::Fa,
            "ar" | "ara" => Locale::Ar,
            "zh" | "chi" | "zho" => Locale::Zh,
            _ => Locale::En,
        }
    }

    pub fn as_str(self) -> &'static str {
        ["en", "fa", "ar", "zh"][self as usize]
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Fa | Locale::Ar)
    }

    /// The locale's own digits for numbers in messages.
    fn digit_zero(self) -> Option<char> {
        match self {
            Locale::Fa => Some('\u{06F0}'),
            Locale::Ar => Some('\u{0660}'),
            _ => None,
        }
    }
}

/// First-strong isolate / pop directional isolate: an embedded value keeps its own direction, so an
/// email address inside a Persian sentence neither reorders the sentence nor is reordered by it.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Renders `code`'s template in `locale`, substituting `{name}` placeholders from `params`.
///
/// In right-to-left locales numbers are written in the locale's digits and every other value is
/// wrapped in Unicode isolates (FSI ... PDI).
pub fn render(code: Code, locale: Locale, params: &[(&'static str, String)]) -> String {
    render_template(code.info().templates[locale as usize], locale, |name| {
        params.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    })
}

pub(crate) fn render_template<'p>(template: &str, locale: Locale, param: impl Fn(&str) -> Option<&'p str>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match param(name) {
            Some(value) => push_value(&mut out, value, locale),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn push_value(out: &mut String, value: &str, locale: Locale) {
    if !locale.is_rtl() {
        out.push_str(value);
        return;
    }
    let numeric = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    match (numeric, locale.digit_zero()) {
        (true, Some(zero)) => {
            out.extend(value.bytes().map(|b| char::from_u32(zero as u32 + u32::from(b - b'0')).unwrap_or('?')));
        }
        _ => {
            out.push(FSI);
            out.push_str(value);
            out.push(PDI);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_params_per_locale() {
        let p = vec![("suggestion", "ali@gmail.com".to_string())];
        assert_eq!(render(Code::EmailDomainTypo, Locale::En, &p), "Did you mean ali@gmail.com?");
        assert_eq!(render(Code::EmailDomainTypo, Locale::Fa, &p), "آیا منظورتان \u{2068}ali@gmail.com\u{2069} بود؟");
        let n = vec![("max", "64".to_string())];
        assert!(render(Code::EmailLocalTooLong, Locale::Fa, &n).contains("۶۴"));
        assert!(render(Code::EmailLocalTooLong, Locale::Ar, &n).contains("٦٤"));
        assert!(render(Code::EmailLocalTooLong, Locale::Zh, &n).contains("64"));
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("fa-IR"), Locale::Fa);
        assert_eq!(Locale::from_tag("zh_Hant"), Locale::Zh);
        assert_eq!(Locale::from_tag("AR"), Locale::Ar);
        assert_eq!(Locale::from_tag("de"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }
}
