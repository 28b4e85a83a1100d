//! docs/codes.md is the one table of every issue code. It is generated from the code table in
//! src/issue.rs; this test fails when it is stale. Regenerate with `UPDATE_DOCS=1 cargo test --test docs`.

use intake::{Locale, CODES};

fn render() -> String {
    let mut md = String::from(
        "# Issue codes\n\n<!-- generated from src/issue.rs by tests/docs.rs; do not edit -->\n\n\
         Every issue intake raises has one of these stable codes. `error` makes the value invalid; \
         `warning` is advice the caller's policy may block on. Messages exist in en, fa, ar and zh \
         (`{name}` is filled from the issue's `params`; in fa and ar, values are wrapped in Unicode \
         isolates and numbers use the locale's digits).\n\n\
         | code | severity | when | en | fa |\n|---|---|---|---|---|\n",
    );
    for c in CODES {
        let esc = |s: &str| s.replace('|', "\\|");
        md.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.name,
            c.severity.as_str(),
            esc(c.description),
            esc(c.templates[Locale::En as usize]),
            esc(c.templates[Locale::Fa as usize]),
        ));
    }
    md
}

#[test]
fn codes_table_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codes.md");
    let want = render();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "docs/codes.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`");
}
