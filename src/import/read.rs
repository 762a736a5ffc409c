//! Reading the input: a letter's bytes → its text, and the language it is written in.
//!
//! Two forms: plain text (`.txt`, as extracted from the published document) and the published
//! Word document (`.docx`: a zip whose `word/document.xml` holds the paragraphs), read with
//! `zip` and `quick-xml`. Each paragraph becomes a line and each table cell ends a line, so that
//! the Key deadlines table reads as its dates and rows, as in extracted text.

use crate::i18n::Lang;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;

/// The text of a letter from its file name and bytes: `.docx` is read as a Word document,
/// anything else as UTF-8 text (a byte-order mark is dropped, `\r\n` kept for `lines()`).
pub fn text_of(name: &str, bytes: &[u8]) -> Result<String, String> {
    if name.to_lowercase().ends_with(".docx") {
        return docx_text(bytes).map_err(|e| format!("{name}: not a readable .docx: {e}"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!("{name}: not UTF-8 text ({e}); give the letter as .txt in UTF-8 or as .docx")
    })?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

/// Most bytes `word/document.xml` may inflate to: a letter is a few hundred kilobytes, and a
/// zip bomb must not fill the memory.
const MAX_XML: u64 = 64 << 20;

/// The text of a `.docx`: paragraphs as lines, tabs and breaks kept, table cells ended; a
/// paragraph of a list (Word keeps bullets as numbering, not as text) starts with "- ", as the
/// extracted text of a letter has it, so that the items of a deadline's cell stay items.
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| format!("word/document.xml: {e}"))?
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| format!("word/document.xml: {e}"))?;
    let mut reader = Reader::from_str(&xml);
    let mut out = String::new();
    let mut in_text = false;
    let bad = |e: &dyn std::fmt::Display| format!("word/document.xml: {e}");
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" | "tc" => out.push('\n'),
                _ => {}
            },
            // `w:numPr` is in the paragraph's properties, before any of its text
            Event::Start(e) if e.local_name().as_ref() == "numPr" => out.push_str("- "),
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" | "p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.into_inner()),
            // entities come apart from the text around them: `&amp;`, `&#x4F1A;`
            Event::GeneralRef(r) if in_text => match r.resolve_char_ref().map_err(|e| bad(&e))? {
                Some(c) => out.push(c),
                None => {
                    let entity = format!("&{};", r.into_inner());
                    out.push_str(&quick_xml::escape::unescape(&entity).map_err(|e| bad(&e))?);
                }
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The language a letter is written in, by `whatlang`'s trigram and script profiles; `None`
/// if it is none of the six or cannot be told.
pub fn detect(text: &str) -> Option<Lang> {
    use whatlang::Lang as W;
    // the letter head and subject say it best; the annexes are full of codes and URLs
    let sample: String = text.chars().take(6000).collect();
    match whatlang::detect_lang(&sample)? {
        W::Eng => Some(Lang::En),
        W::Cmn => Some(Lang::Zh),
        W::Fra => Some(Lang::Fr),
        W::Spa => Some(Lang::Es),
        W::Rus => Some(Lang::Ru),
        W::Ara => Some(Lang::Ar),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_of_a_letter_is_told_from_its_text() {
        let cases = [
            (
                "It is my pleasure to invite you to attend the next meeting of Study Group 3, which will be held at ITU headquarters",
                Lang::En,
            ),
            (
                "我荣幸地在此邀请您参加第1/20工作组将于2018年1月24日在日内瓦国际电联总部召开的下次会议。",
                Lang::Zh,
            ),
            (
                "j'ai l'honneur de vous informer que la Commission d'études 16 se réunira à Genève, au siège de l'UIT",
                Lang::Fr,
            ),
            (
                "me complace informarle que la Comisión de Estudio 5 se reunirá en Seúl, del 20 al 28 de septiembre",
                Lang::Es,
            ),
            (
                "Имею честь пригласить вас принять участие в собрании 2-й Исследовательской комиссии",
                Lang::Ru,
            ),
            (
                "يسرني أن أدعوكم إلى حضور الاجتماع القادم للجنة الدراسات الذي سيُعقد في مقر الاتحاد في جنيف",
                Lang::Ar,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Some(want), "{text}");
        }
    }

    #[test]
    fn text_that_is_not_utf8_names_the_file_and_the_fix() {
        let e = text_of("letter.txt", &[0xff, 0xfe, 0x41]).unwrap_err();
        assert!(e.starts_with("letter.txt: not UTF-8 text"), "{e}");
        let e = text_of("letter.docx", b"not a zip").unwrap_err();
        assert!(e.starts_with("letter.docx: not a readable .docx"), "{e}");
    }
}
