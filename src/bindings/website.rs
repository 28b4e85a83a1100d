//! Website export (see the parent module for the output layout): one group per call,
//! `[value (when changed), host, domain, social network, social handle]`, changes, issues.

use super::fields::on_input;
use super::locale_from_index;
use crate::website::{standardize_website, Network, WebsiteOptions};
use wasm_bindgen::prelude::*;

/// Standardizes the website in the input buffer. `network` is 1 + the index of a network in
/// `Network::ALL` (0 for none), mirrored in pkg/index.js. Status word: bit 0 valid.
#[wasm_bindgen]
pub fn website_check_in(len: usize, network: u32, locale: u32) -> u32 {
    let opts = WebsiteOptions {
        locale: locale_from_index(locale),
        path: "website",
        network: (network as usize).checked_sub(1).and_then(|i| Network::ALL.get(i).copied()),
    };
    on_input(len, |text, x| {
        let o = standardize_website(text, &opts);
        x.group(
            &[
                (!o.changes.is_empty()).then_some(o.value.as_ref()),
                o.host.as_deref(),
                o.domain.as_deref(),
                o.social.as_ref().map(|s| s.network.as_str()),
                o.social.as_ref().map(|s| s.handle.as_str()),
            ],
            &o.changes,
            &o.issues,
        );
        u32::from(o.valid)
    })
}

/// Byte cap on a website input.
#[wasm_bindgen]
pub fn website_input_cap() -> u32 {
    crate::limits::WEBSITE_INPUT_BYTES as u32
}
