//! Addresses in running text: where an `http(s)://` address inside a sentence begins and
//! ends, the same for every renderer (pages make them links; feeds delimit them so that the
//! linkifiers of calendar clients end them exactly).

/// Characters that end an address besides whitespace: quotes, angle brackets, and anything not
/// ASCII (CJK punctuation directly after an address, directional isolates).
fn ends_url(c: char) -> bool {
    c.is_whitespace() || !c.is_ascii() || matches!(c, '<' | '>' | '"' | '\'' | '`')
}

/// `text` cut into pieces, each with whether it is an address. Trailing `.,;:!?)` is left out of
/// an address (`see http://itu.int/travel/.` gives `http://itu.int/travel/`); a bare scheme
/// (`http://` and nothing) is no address.
pub fn split_urls(text: &str) -> Vec<(&str, bool)> {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut rest = text;
    while let Some(i) = ["http://", "https://"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let len = rest[i..].find(ends_url).unwrap_or(rest.len() - i);
        let url = rest[i..i + len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
        if i > 0 {
            parts.push((&rest[..i], false));
        }
        parts.push((url, !url.ends_with("://")));
        rest = &rest[i + url.len()..];
    }
    if !rest.is_empty() {
        parts.push((rest, false));
    }
    parts
}

/// `text` with every address in angle brackets (`<http://…>`, RFC 3986 Appendix C), unless
/// it already is: a client's linkifier then ends the link where the address ends, also when
/// full-width punctuation or a letter follows it directly.
pub fn delimit_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (piece, url) in split_urls(text) {
        let bracketed = out.ends_with('<');
        if url && !bracketed {
            out.push('<');
            out.push_str(piece);
            out.push('>');
        } else {
            out.push_str(piece);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_end_before_trailing_punctuation_and_cjk_text() {
        let parts = split_urls("see http://itu.int/travel/. Or (https://a.b/c?d=1&e=2).");
        let urls: Vec<_> = parts.iter().filter(|p| p.1).map(|p| p.0).collect();
        assert_eq!(urls, ["http://itu.int/travel/", "https://a.b/c?d=1&e=2"]);
        assert_eq!(
            delimit_urls("主页（https://www.itu.int/x）上提供"),
            "主页（<https://www.itu.int/x>）上提供"
        );
        assert_eq!(
            delimit_urls("见http://itu.int/ITU-T/go/e-print。"),
            "见<http://itu.int/ITU-T/go/e-print>。"
        );
    }

    #[test]
    fn delimited_addresses_stay_as_they_are() {
        assert_eq!(delimit_urls("at <http://a.b/c>."), "at <http://a.b/c>.");
        assert_eq!(delimit_urls("no address"), "no address");
        assert_eq!(delimit_urls("http:// alone"), "http:// alone");
    }
}
