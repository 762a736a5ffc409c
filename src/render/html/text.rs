//! Plain data texts as HTML: paragraphs at blank lines, numbered lines as ordered lists, line
//! breaks kept, and http(s) addresses as links. Every piece of text goes through maud's escaping;
//! only `http://` and `https://` addresses ever become an `href`.

use maud::{Markup, html};

/// One block of a text.
#[derive(Debug, PartialEq, Eq)]
pub enum Block<'a> {
    /// Lines of a paragraph.
    Para(Vec<&'a str>),
    /// A numbered list: an optional heading line (`Draft agenda:`), the first number, the items.
    List {
        /// The line before the items, if any.
        heading: Option<&'a str>,
        /// The number of the first item.
        start: u32,
        /// The items' texts, without their numbers.
        items: Vec<&'a str>,
    },
}

/// `"12. Review"` → `(12, "Review")`.
fn numbered(line: &str) -> Option<(u32, &str)> {
    let line = line.trim();
    let dot = line.find(". ")?;
    let n = line[..dot].parse::<u32>().ok()?;
    Some((n, line[dot + 2..].trim()))
}

/// Splits a text into blocks: paragraphs at blank lines; a paragraph whose lines (after an
/// optional heading line) are all numbered 1, 2, 3… in order becomes a list.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            let (heading, rest) = match numbered(lines[0]) {
                Some(_) => (None, &lines[..]),
                None => (Some(lines[0]), &lines[1..]),
            };
            let nums: Option<Vec<(u32, &str)>> = rest.iter().map(|l| numbered(l)).collect();
            match nums {
                Some(items)
                    if items.len() >= 2 && items.windows(2).all(|w| w[1].0 == w[0].0 + 1) =>
                {
                    Block::List {
                        heading,
                        start: items[0].0,
                        items: items.into_iter().map(|(_, t)| t).collect(),
                    }
                }
                _ => Block::Para(lines),
            }
        })
        .collect()
}

/// The numbered lists of a text with at least `min` items (an agenda).
pub fn lists<'a>(text: &'a str, min: usize) -> Vec<Block<'a>> {
    blocks(text)
        .into_iter()
        .filter(|b| matches!(b, Block::List { items, .. } if items.len() >= min))
        .collect()
}

/// A whole text as HTML blocks.
pub fn render(text: &str) -> Markup {
    html! {
        @for b in blocks(text) {
            (block(&b))
        }
    }
}

/// One block as HTML.
pub fn block(b: &Block<'_>) -> Markup {
    match b {
        Block::Para(lines) => html! {
            p {
                @for (i, line) in lines.iter().enumerate() {
                    @if i > 0 { br; }
                    (linkify(line))
                }
            }
        },
        Block::List {
            heading,
            start,
            items,
        } => html! {
            @if let Some(h) = heading { p { (linkify(h)) } }
            ol start=[(*start != 1).then_some(*start)] {
                @for item in items { li { (linkify(item)) } }
            }
        },
    }
}

/// A line with its http(s) addresses as links (where they end: [`crate::render::prose`]).
pub fn linkify(line: &str) -> Markup {
    let parts = crate::render::prose::split_urls(line);
    html! {
        @for (s, link) in parts {
            @if link { a href=(s) { (s) } } @else { (s) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_paragraphs_become_lists_with_their_heading() {
        let t =
            "Intro line\nsecond line\n\nDraft agenda:\n1. Opening\n2. Agenda\n3. Close\n\nNote.";
        let b = blocks(t);
        assert_eq!(b.len(), 3);
        assert_eq!(
            b[1],
            Block::List {
                heading: Some("Draft agenda:"),
                start: 1,
                items: vec!["Opening", "Agenda", "Close"]
            }
        );
        assert_eq!(
            render(t).into_string(),
            "<p>Intro line<br>second line</p><p>Draft agenda:</p>\
             <ol><li>Opening</li><li>Agenda</li><li>Close</li></ol><p>Note.</p>"
        );
        assert_eq!(lists(t, 3).len(), 1);
        assert_eq!(lists(t, 4).len(), 0);
    }

    #[test]
    fn dates_and_out_of_order_numbers_stay_paragraphs() {
        let t = "Key deadlines:\n24 November 2017 – contributions\n11 January 2018 – more";
        assert!(matches!(blocks(t)[0], Block::Para(_)));
        assert!(matches!(blocks("1. a\n3. b")[0], Block::Para(_)));
    }

    #[test]
    fn addresses_become_links_without_trailing_punctuation() {
        assert_eq!(
            linkify("see http://itu.int/travel/. Or (https://a.b/c?d=1&e=2).").into_string(),
            "see <a href=\"http://itu.int/travel/\">http://itu.int/travel/</a>. Or \
             (<a href=\"https://a.b/c?d=1&amp;e=2\">https://a.b/c?d=1&amp;e=2</a>)."
        );
        assert_eq!(
            linkify("主页（https://www.itu.int/x）上").into_string(),
            "主页（<a href=\"https://www.itu.int/x\">https://www.itu.int/x</a>）上"
        );
    }

    #[test]
    fn markup_in_texts_is_escaped_and_other_schemes_never_link() {
        assert_eq!(
            render("<script>alert(1)</script> javascript:alert(1) http://x\"onmouseover=1")
                .into_string(),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) \
             <a href=\"http://x\">http://x</a>&quot;onmouseover=1</p>"
        );
        assert_eq!(linkify("http:// alone").into_string(), "http:// alone");
    }
}
