//! Internationalized domain names: label checks and the punycode (RFC 3492) encoding of the ASCII form.
//!
//! This is the part of IDNA a contact validator needs: case folding and NFC happen before (see
//! [`crate::text`]); here a label is checked to be made of characters a domain can hold and is
//! encoded as `xn--...`. Full IDNA2008 contextual rules (CONTEXTJ/CONTEXTO, the bidi rule) are not
//! applied; registries enforce them at registration, and an address that passes here but breaks
//! them would still fail delivery, which no syntax check can rule out anyway.

/// Why a label cannot be a domain label.
#[derive(Debug, PartialEq, Eq)]
pub enum LabelError {
    /// A character that no domain label may contain (ASCII punctuation, spaces, symbols, emoji...).
    InvalidChar(char),
    /// Punycode arithmetic overflowed (only for absurdly long labels; inputs are capped well before).
    Overflow,
}

/// Whether `c` may appear in a domain label: ASCII letters, digits and '-', and non-ASCII letters,
/// marks and digits. Excluded non-ASCII: whitespace, controls, punctuation and symbol blocks,
/// private use, emoji and noncharacters.
pub fn is_label_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '-';
    }
    if c.is_whitespace() || c.is_control() {
        return false;
    }
    !matches!(c as u32,
        0x00A0..=0x00BF | 0x00D7 | 0x00F7
        | 0x2000..=0x2BFF      // general punctuation, symbols, arrows, math, box drawing, shapes
        | 0x2E00..=0x2E7F      // supplemental punctuation
        | 0x3000..=0x303F      // CJK symbols and punctuation
        | 0xD800..=0xF8FF      // surrogates, private use
        | 0xFE10..=0xFE1F | 0xFE30..=0xFE6F // vertical forms, CJK compatibility forms, small forms
        | 0xFF00..=0xFFEF      // half/full-width forms (folded before this point)
        | 0xFFF0..=0xFFFF
        | 0x1F000..=0x1FAFF    // emoji and pictographs
        | 0xF0000..=0x10FFFF)  // supplementary private use
}

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { DAMP } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn digit(d: u32) -> char {
    // 0..25 -> 'a'..'z', 26..35 -> '0'..'9'
    char::from(if d < 26 { b'a' + d as u8 } else { b'0' + (d - 26) as u8 })
}

/// Punycode-encodes one label (without the `xn--` prefix). RFC 3492 section 6.3.
pub fn punycode_encode(label: &str) -> Result<String, LabelError> {
    let input: Vec<u32> = label.chars().map(|c| c as u32).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let total = input.len() as u32;
    while handled < total {
        let m = input.iter().copied().filter(|&c| c >= n).min().ok_or(LabelError::Overflow)?;
        delta = (m - n)
            .checked_mul(handled + 1)
            .and_then(|x| delta.checked_add(x))
            .ok_or(LabelError::Overflow)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1).ok_or(LabelError::Overflow)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias { T_MIN } else if k >= bias + T_MAX { T_MAX } else { k - bias };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Ok(out)
}

/// The ASCII form of one (already lowercased, NFC) label: itself when ASCII, else `xn--` + punycode.
pub fn label_to_ascii(label: &str) -> Result<std::borrow::Cow<'_, str>, LabelError> {
    if label.is_ascii() {
        return match label.bytes().find(|&b| !(b.is_ascii_alphanumeric() || b == b'-')) {
            Some(b) => Err(LabelError::InvalidChar(char::from(b))),
            None => Ok(std::borrow::Cow::Borrowed(label)),
        };
    }
    if let Some(c) = label.chars().find(|&c| !is_label_char(c)) {
        return Err(LabelError::InvalidChar(c));
    }
    Ok(std::borrow::Cow::Owned(format!("xn--{}", punycode_encode(label)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3492_and_known_domains() {
        // RFC 3492 section 7.1 samples (lowercased: case flags are not used in IDNA).
        assert_eq!(punycode_encode("ليهمابتكلموشعربي؟").unwrap(), "egbpdaj6bu4bxfgehfvwxn");
        assert_eq!(punycode_encode("他们为什么不说中文").unwrap(), "ihqwcrb4cv8a8dqg056pqjye");
        assert_eq!(punycode_encode("почемужеонинеговорятпорусски").unwrap(), "b1abfaaepdrnnbgefbadotcwatmq2g4l");
        assert_eq!(punycode_encode("3年b組金八先生").unwrap(), "3b-ww4c5e180e575a65lsy2b");
        assert_eq!(label_to_ascii("bücher").unwrap(), "xn--bcher-kva");
        assert_eq!(label_to_ascii("ایران").unwrap(), "xn--mgba3a4f16a");
        assert_eq!(label_to_ascii("中国").unwrap(), "xn--fiqs8s");
        assert_eq!(label_to_ascii("example").unwrap(), "example");
        assert_eq!(label_to_ascii("a_b").unwrap_err(), LabelError::InvalidChar('_'));
        assert_eq!(label_to_ascii("a😀").unwrap_err(), LabelError::InvalidChar('😀'));
    }
}
