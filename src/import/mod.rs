//! `itucal import`: a collective letter → a draft meeting file for an editor to review.
//!
//! * [`read`]: the input: `.txt` or `.docx` bytes → text; the language of the text.
//! * [`rules`]: per language, how a letter writes what is read, with CLDR's month names.
//! * [`facts`]: text → [`facts::Facts`], each with the line it came from. Pure.
//! * [`draft`]: the facts of one or more editions → the draft (`draft = true`), every fact
//!   citing its line, every gap or disagreement a `# TODO:`. Pure.
//!
//! [`import`] ties them together over `&str`s, so tests need no files; the command line
//! (`cli.rs`) reads the files and writes the draft.

pub mod draft;
pub mod facts;
pub mod read;
pub mod rules;

use crate::i18n::Lang;
use chrono::{DateTime, Utc};
pub use draft::Draft;

/// One edition of a letter as given: its name (for citations), its text, and its language
/// when the caller knows it.
pub struct Letter<'a> {
    /// The file name, as cited in the draft.
    pub name: &'a str,
    /// The text.
    pub text: &'a str,
    /// The language, or `None` to detect it.
    pub lang: Option<Lang>,
}

/// Imports one or more editions of the same letter into one draft. `now` dates the draft when
/// the letter's own date cannot be read. Fails only when an edition's language cannot be told.
pub fn import(letters: &[Letter], now: DateTime<Utc>) -> Result<Draft, String> {
    let mut editions = Vec::with_capacity(letters.len());
    for l in letters {
        let lang = match l.lang.or_else(|| read::detect(l.text)) {
            Some(lang) => lang,
            None => {
                return Err(format!(
                    "{}: cannot tell which of the six languages the letter is written in; give --lang ({})",
                    l.name,
                    Lang::codes()
                ));
            }
        };
        editions.push(draft::Edition {
            name: l.name.to_string(),
            facts: facts::read(l.text, lang),
        });
    }
    Ok(draft::write(&editions, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        "2026-12-01T00:00:00Z".parse().unwrap()
    }

    /// Pieces of letters, right and broken, for the generator to shuffle: they reach the rules
    /// that random text never would (dates, times in the spring gap, rows, repeated keys).
    const PIECES: &[&str] = &[
        "Geneva, 11 December 2017",
        "2017年9月29日，日内瓦",
        "Ref: / TSB Collective letter 2/3",
        "电信标准化局第3/20号集体函",
        "TSAG/RS / - To Administrations of Member States of the Union;",
        "Tel: / +41 22 730 5884",
        "Tel:Fax: +41 22 730 5860+41 22 730 5853",
        "E-mail: tsbsg3@itu.int",
        "Web: / http://itu.int/go/tsg3",
        "Subject: / Meeting of Study Group 3; Geneva,9-18 April 2018",
        "Subject: Meeting of Working Party 1/20 and Q1/20, Q2/20, Q2/20; Kyoto, 25-31 March 2018",
        "事由：",
        "第Q1/20、Q2/20、Q3/20和Q4/20报告人组会议；2018年1月15-23日，日内瓦；第1/20工作组会议，2018年1月24日，日内瓦",
        "Dear Sir/Madam,",
        "The meeting will open at 0230 hours on the first day, and participant registration will begin at 0200 hours at the Montbrillant building entrance.",
        "The meeting will open at 0930 hours on the first day, and participant registration will begin at 0830 hours at the Montbrillant building entrance.",
        "The session will begin at 2399 hours; registration will begin at 0960 hours in the hall",
        "第一天的会议将自09:30开始，与会者的注册工作将自08:30起在Montbrillant大楼入口处进行。",
        "The meetings will be co-located with the oneM2M meeting in Geneva, 15–19 January 2018.",
        "第1/20工作组的会议将于2018年1月15-19日在日内瓦与oneM2M会议同址召开。",
        "Key deadlines:",
        "重要截止日期：",
        "9 February 2018 / - Submit ITU-T Member contributions for which translation is requested",
        "- Submit ITU-T Member contributions",
        "26 February 2018 / - Submit fellowship requests",
        "- Submit something no rule knows",
        "translation is requested25 September 2017 / - Submit fellowship requests",
        "2017年12月24日",
        "– 预先注册（通过研究组主页进行网上注册）",
        "Practical meeting information is set out in Annex A. A draft agenda, prepared by Mr Seiichi Tsugawa (Japan), Chairman",
        "Annex B",
        "1 Opening of the meeting",
        "2 Approval of the agenda",
        "\"\"\" ' \\ \u{7} \u{202e}",
        "31 February 2018 – 40 March 2018",
        "",
    ];

    fn letter() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,60}",
            // a piece with its digits changed: other days, months, hours
            2 => (proptest::sample::select(PIECES), any::<u64>()).prop_map(|(p, seed)| {
                let mut n = seed;
                p.chars()
                    .map(|c| {
                        if c.is_ascii_digit() {
                            n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                            char::from(b'0' + (n >> 60) as u8 % 10)
                        } else {
                            c
                        }
                    })
                    .collect()
            }),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn any_text_gives_a_draft_that_check_accepts(text in letter(), lang in 0..6usize) {
            let lang = Lang::ALL[lang];
            let draft = import(&[Letter { name: "l.txt", text: &text, lang: Some(lang) }], now()).unwrap();
            let checked = crate::load::parse_meeting("draft.toml", &draft.toml);
            prop_assert!(checked.is_ok(), "{:?}\n{}", checked.err(), draft.toml);
            prop_assert!(checked.unwrap().0.draft);
        }

        #[test]
        fn two_editions_of_any_texts_give_a_draft_that_check_accepts(a in letter(), b in letter()) {
            let letters = [
                Letter { name: "a.txt", text: &a, lang: Some(Lang::En) },
                Letter { name: "b.txt", text: &b, lang: Some(Lang::Zh) },
            ];
            let draft = import(&letters, now()).unwrap();
            let checked = crate::load::parse_meeting("draft.toml", &draft.toml);
            prop_assert!(checked.is_ok(), "{:?}\n{}", checked.err(), draft.toml);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
            let _ = import(&[Letter { name: "l.txt", text: &text, lang: None }], now());
        }
    }

    #[test]
    fn editions_that_disagree_on_a_date_leave_a_todo_naming_both_readings() {
        let en = "Subject: Meeting of Study Group 3; Geneva, 9-18 April 2018\n\nDear Sir/Madam,\n\
                  The meeting will open at 0930 hours on the first day.\n\
                  Key deadlines:\n9 February 2018 / - Submit ITU-T Member contributions\n";
        let fr = "Objet: Réunion de la Commission d'études 3; Genève, 9-19 avril 2018\n\nMadame, Monsieur,\n\
                  La réunion s'ouvrira à 9 h 30 le premier jour.\n\
                  Dates limites:\n9 février 2018 - Soumettre les contributions des Membres de l'UIT-T\n";
        let letters = [
            Letter {
                name: "l.en.txt",
                text: en,
                lang: None,
            },
            Letter {
                name: "l.fr.txt",
                text: fr,
                lang: None,
            },
        ];
        let draft = import(&letters, now()).unwrap();
        let days = draft
            .todos
            .iter()
            .find(|t| t.starts_with("the days of SG3"))
            .unwrap_or_else(|| panic!("{:#?}", draft.todos));
        assert!(days.contains("l.en.txt:1 reads 9–18 April 2018"), "{days}");
        assert!(days.contains("l.fr.txt:1 reads 9–19 April 2018"), "{days}");
        // agreed facts cite both editions, and the texts of both are kept
        assert!(
            draft.toml.contains("# l.en.txt:6: 9 February 2018"),
            "{}",
            draft.toml
        );
        assert!(
            draft.toml.contains("# l.fr.txt:6: 9 février 2018"),
            "{}",
            draft.toml
        );
        assert!(
            draft
                .toml
                .contains("fr = \"Soumettre les contributions des Membres de l'UIT-T\"")
        );
        // the editions agree on the opening time: no TODO about its readings
        assert!(
            !draft
                .todos
                .iter()
                .any(|t| t.contains("opening time") && t.contains("readings")),
            "{:#?}",
            draft.todos
        );
        crate::load::parse_meeting("draft.toml", &draft.toml).unwrap();
    }
}
