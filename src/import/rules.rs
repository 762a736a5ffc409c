//! The per-language rules: how each of the six languages writes the parts of a collective
//! letter the importer reads (reference, subject, groups, opening and registration, the Key
//! deadlines table, contacts, chairmen, Annex B) and its dates. One table per language, built
//! once; the reading itself ([`super::facts`]) is the same for every language.
//!
//! Month names are CLDR's ([`crate::i18n::dates::month_names`]); Chinese dates are numbers
//! (`2018年1月15-23日`). What was written against real letters and what only against ITU's
//! wording in other documents is said in `docs/import.md`.

use crate::i18n::{Lang, dates};
use chrono::NaiveDate;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// What a row of the Key deadlines table asks for, as far as the importer can tell; each kind has
/// its event key (the one the shipped data uses) and its title in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeadlineKind {
    /// Requests for real-time captioning or sign-language interpretation.
    Captioning,
    /// Requests for interpretation.
    Interpretation,
    /// Contributions for which translation is requested.
    ContributionsTranslation,
    /// Fellowship requests.
    Fellowships,
    /// Pre-registration.
    PreRegistration,
    /// Requests for visa support letters.
    VisaSupportLetter,
    /// Contributions (the final deadline).
    Contributions,
}

impl DeadlineKind {
    /// The event key (`deadline-pre-registration`), as `data/` names these deadlines.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineKind::Captioning => "deadline-captioning",
            DeadlineKind::Interpretation => "deadline-interpretation",
            DeadlineKind::ContributionsTranslation => "deadline-contributions-translation",
            DeadlineKind::Fellowships => "deadline-fellowships",
            DeadlineKind::PreRegistration => "deadline-pre-registration",
            DeadlineKind::VisaSupportLetter => "deadline-visa-support-letter",
            DeadlineKind::Contributions => "deadline-contributions",
        }
    }

    /// The Fluent message naming what is due (`import-deadline-pre-registration`).
    pub fn message(self) -> String {
        format!("import-{}", self.key())
    }
}

/// A date or a span of days found in a text, with where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateHit {
    /// Byte range in the text searched.
    pub at: Range<usize>,
    /// The first day.
    pub first: NaiveDate,
    /// The last day (equal to `first` for a single date).
    pub last: NaiveDate,
}

/// The rules of one language.
pub struct Rules {
    /// The language.
    pub lang: Lang,
    /// The letter's number: captures `n` and, when written on the same line, `of` (`3/20`).
    pub reference: Regex,
    /// The label of the subject line; the subject follows it (`rest`).
    pub subject: Regex,
    /// The salutation that ends the subject.
    pub salutation: Regex,
    /// A study group: captures `sg`.
    pub study_group: Regex,
    /// A working party: captures `wp` and `sg`.
    pub working_party: Regex,
    /// Several working parties of one study group: captures `list` (`1, 2 and 3`) and `sg`.
    pub working_parties: Regex,
    /// Questions are written `Q2/20` in every language: captures `q` and `sg`.
    pub question: Regex,
    /// The words of the invitation ("it is my pleasure to invite you", "I would like to inform
    /// you"): the sentence that follows them names the meeting and its days.
    pub invitation: Regex,
    /// The word that makes Questions' meetings rapporteur group meetings.
    pub rapporteur: Regex,
    /// Geneva, as the language writes it.
    pub geneva: Regex,
    /// ITU headquarters, as the language writes it.
    pub headquarters: Regex,
    /// The opening time: captures `h` and `m`.
    pub opening: Regex,
    /// The registration time (`h`, `m`) and, when given, its place (`place`).
    pub registration: Regex,
    /// The heading of the Key deadlines table.
    pub deadlines: Regex,
    /// What ends the Key deadlines table.
    pub deadlines_end: Regex,
    /// What a deadline row asks for, first match wins.
    pub deadline_kinds: Vec<(DeadlineKind, Regex)>,
    /// A co-located meeting: captures `name`.
    pub colocated: Regex,
    /// A line that names a chairman or the author of the agenda.
    pub chair_line: Regex,
    /// A person's name after or before a title (`Mr`, `先生`): captures `name`.
    pub person: Regex,
    /// The heading of Annex B.
    pub annex_b: Regex,
    /// The telephone label of the letter head.
    pub tel: Regex,
    /// The fax label.
    pub fax: Regex,
    /// The web label.
    pub web: Regex,
    /// What stands before an addressee in this language ("To", "A las"), removed.
    pub to: Regex,
    span: Regex,
    single: Regex,
    months: &'static [(String, u32)],
}

/// The rules of every language, in the order of [`Lang::ALL`].
static RULES: LazyLock<Vec<Rules>> =
    LazyLock::new(|| Lang::ALL.iter().map(|&l| build(l)).collect());

/// The rules of `lang`.
pub fn rules(lang: Lang) -> &'static Rules {
    &RULES[lang.index()]
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("import rule {pattern:?}: {e}"))
}

/// Shared by every language: codes are written in Latin letters in all six.
const QUESTION: &str = r"Q\s*(?P<q>\d{1,2})\s*/\s*(?P<sg>\d{1,2})";

fn build(lang: Lang) -> Rules {
    let months = dates::month_names(lang);
    let alternation = months
        .iter()
        .map(|(n, _)| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    // words around the day numbers of a span: "from 9 to 18", "du 9 au 18", "del 9 al 18", …
    let (from, to, of) = match lang {
        Lang::En => ("from", "to", r"\s*"),
        Lang::Fr => ("du", "au", r"\s*"),
        Lang::Es => ("del", "al", r"(?:\s+de\s+|\s*)"),
        Lang::Ru => ("с", "по", r"\s*"),
        Lang::Ar => ("من", "إلى", r"\s*"),
        Lang::Zh => ("", "", ""),
    };
    let (span, single) = if lang == Lang::Zh {
        (
            re(
                r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?\s*(?:[-–—~～]|至|到)\s*(?:(?:(?P<y2>\d{4})\s*年\s*)?(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日",
            ),
            re(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        )
    } else {
        let month = format!(r"(?:{alternation})\.?");
        (
            re(&format!(
                r"(?i)(?:\b{from}\s+)?(?P<d1>\d{{1,2}})(?:er)?(?:{of}(?P<m1>{month})(?:{of},?\s*(?P<y1>\d{{4}}))?)?\s*(?:[-–—‑]|\b{to}\b)\s*(?P<d2>\d{{1,2}})(?:er)?{of}(?P<m2>{month}){of},?\s*(?P<y2>\d{{4}})"
            )),
            re(&format!(
                r"(?i)(?P<d>\d{{1,2}})(?:er)?{of}(?P<m>{month}){of},?\s*(?P<y>\d{{4}})"
            )),
        )
    };
    let kinds = |words: [&str; 7]| -> Vec<(DeadlineKind, Regex)> {
        use DeadlineKind::*;
        // captioning before interpretation ("sign-language interpretation"), interpretation
        // and translation before contributions ("contributions for which translation …")
        [
            Captioning,
            Interpretation,
            ContributionsTranslation,
            Fellowships,
            PreRegistration,
            VisaSupportLetter,
            Contributions,
        ]
        .into_iter()
        .zip(words)
        .map(|(k, w)| (k, re(&format!("(?i){w}"))))
        .collect()
    };
    let common = |reference: &str,
                  subject: &str,
                  salutation: &str,
                  study_group: &str,
                  working_party: &str,
                  rapporteur: &str,
                  geneva: &str,
                  headquarters: &str| {
        (
            re(reference),
            re(subject),
            re(salutation),
            re(study_group),
            re(working_party),
            re(rapporteur),
            re(geneva),
            re(headquarters),
        )
    };
    let (
        reference,
        subject,
        salutation,
        study_group,
        working_party,
        rapporteur,
        geneva,
        headquarters,
    ) = match lang {
        Lang::En => common(
            r"(?i)TSB\s+Collective[- ]letter\s+(?P<n>\d{1,3})(?:\s*/\s*(?P<of>\d{1,2}|TSAG))?",
            r"(?i)^\W*Subject\s*:?\s*/?\s*(?P<rest>.*)$",
            r"(?i)^\W*Dear\b",
            r"(?i)Study\s+Group\s*(?P<sg>\d{1,2})",
            r"(?i)(?:Working\s+Party|WP)\s*(?P<wp>\d{1,2})\s*/\s*(?P<sg>\d{1,2})",
            r"(?i)rapporteur",
            r"(?i)\bGeneva\b",
            r"(?i)ITU\s+headquarters",
        ),
        Lang::Zh => common(
            r"电信标准化局\s*第\s*(?P<n>\d{1,3})\s*(?:/\s*(?P<of>\d{1,2}|TSAG))?\s*号\s*(?:集体函|通函)",
            r"^\W*事由\s*[:：]?\s*(?P<rest>.*)$",
            r"^\W*尊敬的",
            r"第\s*(?P<sg>\d{1,2})\s*研究组",
            r"第\s*(?P<wp>\d{1,2})\s*/\s*(?P<sg>\d{1,2})\s*工作组",
            r"报告人",
            r"日内瓦",
            r"国际电联总部",
        ),
        Lang::Fr => common(
            r"(?i)Lettre\s+collective\s+(?:TSB\s+|du\s+TSB\s+)?(?P<n>\d{1,3})(?:\s*/\s*(?P<of>\d{1,2}|TSAG))?",
            r"(?i)^\W*Objet\s*:?\s*/?\s*(?P<rest>.*)$",
            r"(?i)^\W*(?:Madame|Monsieur)\b",
            r"(?i)Commission\s+d'études\s*(?P<sg>\d{1,2})",
            r"(?i)(?:Groupe\s+de\s+travail|GT)\s*(?P<wp>\d{1,2})\s*/\s*(?P<sg>\d{1,2})",
            r"(?i)rapporteur",
            r"(?i)Genève",
            r"(?i)siège\s+de\s+l'UIT",
        ),
        Lang::Es => common(
            r"(?i)Carta\s+Colectiva\s+(?:TSB\s+|de\s+la\s+TSB\s+)?(?P<n>\d{1,3})(?:\s*/\s*(?P<of>\d{1,2}|TSAG))?",
            r"(?i)^\W*Asunto\s*:?\s*/?\s*(?P<rest>.*)$",
            r"(?i)^\W*Muy\s+Señor",
            r"(?i)Comisión\s+de\s+Estudio\s*(?P<sg>\d{1,2})",
            r"(?i)(?:Grupo\s+de\s+Trabajo|GT)\s*(?P<wp>\d{1,2})\s*/\s*(?P<sg>\d{1,2})",
            r"(?i)relator",
            r"(?i)Ginebra",
            r"(?i)sede\s+de\s+la\s+UIT",
        ),
        Lang::Ru => common(
            r"(?i)Коллективное\s+письмо\s+(?:БСЭ\s+)?(?P<n>\d{1,3})(?:\s*/\s*(?P<of>\d{1,2}|TSAG))?",
            r"(?i)^\W*Предмет\s*:?\s*/?\s*(?P<rest>.*)$",
            r"(?i)^\W*Уважаем",
            r"(?i)(?P<sg>\d{1,2})\s*-?\s*й\s+Исследовательской\s+комисси",
            r"(?i)(?:Рабоч\w*\s+групп\w*|РГ)\s*(?P<wp>\d{1,2})\s*/\s*(?P<sg>\d{1,2})",
            r"(?i)докладчик",
            r"(?i)Женев",
            r"(?i)штаб-квартир\w*\s+МСЭ",
        ),
        Lang::Ar => common(
            r"الرسالة\s+الجماعية\s+(?P<n>\d{1,3})(?:\s*/\s*(?P<of>\d{1,2}|TSAG))?",
            r"^\W*الموضوع\s*:?\s*/?\s*(?P<rest>.*)$",
            r"^\W*(?:حضرات|السيد|السادة)",
            r"لجنة\s+الدراسات\s*(?P<sg>\d{1,2})",
            r"فرقة\s+العمل\s*(?P<wp>\d{1,2})\s*/\s*(?P<sg>\d{1,2})",
            r"المقرر",
            r"جنيف",
            r"مقر\s+الاتحاد",
        ),
    };
    let time = match lang {
        Lang::En => r"(?P<h>\d{1,2})[.:h]?(?P<m>\d{2})\s*hours",
        Lang::Zh => r"(?P<h>\d{1,2})\s*[:：]\s*(?P<m>\d{2})",
        Lang::Fr => r"(?P<h>\d{1,2})\s*h\s*(?P<m>\d{2})",
        Lang::Es => r"(?P<h>\d{1,2})[.:](?P<m>\d{2})\s*horas",
        Lang::Ru => r"(?P<h>\d{1,2})\s*час\.\s*(?P<m>\d{2})\s*мин",
        Lang::Ar => r"(?P<h>\d{1,2})[:.](?P<m>\d{2})",
    };
    let (opening, registration) = match lang {
        Lang::En => (
            format!(r"(?i)(?:meeting|session)[^.]*?\b(?:open|begin|start)s?\s*at\s*{time}"),
            format!(
                r"(?i)registration[^.]*?\b(?:begin|start|open)s?\s*at\s*{time}(?:\s+(?:at|in)\s+(?:the\s+)?(?P<place>[^.,;]+))?"
            ),
        ),
        Lang::Zh => (
            format!(r"会议[^。]*?自\s*{time}\s*开始"),
            format!(r"注册[^。]*?自\s*{time}\s*起(?:\s*在\s*(?P<place>[^。，,]+?)\s*处?\s*进行)?"),
        ),
        Lang::Fr => (
            format!(r"(?i)réunion[^.]*?s'ouvrira\s+à\s*{time}"),
            format!(
                r"(?i)(?:enregistrement|inscription)[^.]*?débutera\s+à\s*{time}(?:\s+(?:à|au)\s+(?P<place>[^.,;]+))?"
            ),
        ),
        Lang::Es => (
            format!(r"(?i)reunión[^.]*?comenzará\s+a\s+las\s*{time}"),
            format!(
                r"(?i)inscripción[^.]*?comenzará\s+a\s+las\s*{time}(?:\s+en\s+(?P<place>[^.,;]+))?"
            ),
        ),
        Lang::Ru => (
            format!(r"(?i)открытие\s+собрания\s+состоится[^.]*?в\s*{time}"),
            format!(
                r#"(?i)регистрация[^.]*?начн\w+\s+в\s*{time}\.?(?:\s*(?P<place>при\s+входе\s+в\s+здание\s*["«]?[^".»]*["»]?))?"#
            ),
        ),
        Lang::Ar => (
            format!(r"(?:ستبدأ|يبدأ|سيبدأ|يُفتتح|سيُفتتح)[^.]*?الساعة\s*{time}"),
            format!(r"التسجيل[^.]*?الساعة\s*{time}(?:\s*(?P<place>عند\s+مدخل[^.،,]+))?"),
        ),
    };
    let deadline_kinds = match lang {
        Lang::En => kinds([
            "captioning",
            "interpretation",
            "translation",
            "fellowship",
            r"pre-?registration",
            "visa",
            "contribution",
        ]),
        Lang::Zh => kinds([
            "字幕",
            "口译",
            "翻译",
            "补贴|补助|资助",
            "预先注册|预注册",
            "签证",
            "文稿",
        ]),
        Lang::Fr => kinds([
            "sous-titrage",
            "interprétation",
            "traduction",
            "bourse",
            "pré-?inscription",
            "visa",
            "contribution",
        ]),
        Lang::Es => kinds([
            "subtitulado|subtítulos",
            "interpretación",
            "traducción",
            "beca",
            "preinscripción|inscripción previa",
            "visado|visa",
            "contribuci",
        ]),
        Lang::Ru => kinds([
            "субтитр",
            r"устн\w*\s+перевод",
            "перевод",
            "стипенди",
            r"предварительн\w*\s+регистрац",
            "виз",
            "вклад",
        ]),
        Lang::Ar => kinds([
            "التعليق النصي|الشرح النصي",
            "الترجمة الشفوية",
            "ترجمت|ترجمة",
            "منح|منحة",
            "التسجيل المسبق",
            "تأشير",
            "مساهم",
        ]),
    };
    // the head's labels in the letter's own language only: every edition's page footer gives
    // ITU's switchboard in English ("Place des Nations … Tel: +41 22 730 5111")
    let (tel, fax, web) = match lang {
        Lang::En => (r"(?i)\btel\b\.?", r"(?i)\bfax\b", r"(?i)\bweb\b"),
        Lang::Zh => ("电话", "传真", "网址"),
        Lang::Fr => (
            r"(?i)\bt[ée]l\b\.?",
            r"(?i)\bfax\b|télécopie",
            r"(?i)\bweb\b|site",
        ),
        Lang::Es => (r"(?i)\btel\b\.?|teléfono", r"(?i)\bfax\b", r"(?i)\bweb\b"),
        Lang::Ru => (r"(?i)\bтел\b\.?", r"(?i)\bфакс\b", r"(?i)\bсайт\b|\bвеб\b"),
        Lang::Ar => ("الهاتف", "الفاكس", "الموقع"),
    };
    let invitation = match lang {
        Lang::En => r"(?i)\b(?:invite\s+you|inform\s+you)\b",
        Lang::Zh => "邀请您|荣幸地通知您",
        Lang::Fr => r"(?i)\b(?:vous\s+inviter|vous\s+informer)\b",
        Lang::Es => r"(?i)\b(?:invitarle|informarle)\b",
        Lang::Ru => r"(?i)пригласить\s+вас|проинформировать\s+вас|сообщить\s+вам",
        Lang::Ar => "أدعوكم|أبلغكم",
    };
    // several working parties in one subject: "Working Parties 1, 2 and 3/13"
    let working_parties = match lang {
        Lang::En => {
            r"(?i)Working\s+Parties\s+(?P<list>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)\s*/\s*(?P<sg>\d{1,2})"
        }
        Lang::Zh => {
            r"第\s*(?P<list>\d{1,2}(?:\s*(?:、|,|，|和|及)\s*\d{1,2})+)\s*/\s*(?P<sg>\d{1,2})\s*工作组"
        }
        Lang::Fr => {
            r"(?i)Groupes\s+de\s+travail\s+(?P<list>\d{1,2}(?:\s*(?:,|et)\s*\d{1,2})+)\s*/\s*(?P<sg>\d{1,2})"
        }
        Lang::Es => {
            r"(?i)Grupos\s+de\s+Trabajo\s+(?P<list>\d{1,2}(?:\s*(?:,|y)\s*\d{1,2})+)\s*/\s*(?P<sg>\d{1,2})"
        }
        Lang::Ru => {
            r"(?i)Рабочих\s+групп\s+(?P<list>\d{1,2}(?:\s*(?:,|и)\s*\d{1,2})+)\s*/\s*(?P<sg>\d{1,2})"
        }
        Lang::Ar => {
            r"فرق\s+العمل\s+(?P<list>\d{1,2}(?:\s*(?:،|,|و)\s*\d{1,2})+)\s*/\s*(?P<sg>\d{1,2})"
        }
    };
    let (deadlines, deadlines_end, colocated, chair_line, person, annex_b, to) = match lang {
        Lang::En => (
            r"(?i)^\W*Key\s+deadlines",
            r"(?i)^\W*(?:Practical\s+meeting\s+information|Annex|I\s+wish\s+you|Yours)",
            r"(?i)(?:co-located\s+with|in\s+conjunction\s+with)\s+(?:the\s+)?(?P<name>[^,.;]+?)\s+meetings?\b",
            r"(?i)chair|prepared\s+by",
            r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+(?P<name>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4})",
            r"(?i)^\W*Annex\s+B\b",
            r"(?i)^To\s+(?:the\s+)?",
        ),
        Lang::Zh => (
            r"^\W*重要截止日期",
            r"^\W*(?:会议实用信息|附件|祝您)",
            r"与\s*(?P<name>[^，。、；\s]+?)\s*会议同址召开",
            r"主席",
            r"(?P<name>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4})\s*(?:先生|女士|博士)",
            r"^\W*附件\s*B\s*$",
            r"^致\s*",
        ),
        Lang::Fr => (
            r"(?i)^\W*(?:Dates\s+limites|Principales\s+dates\s+limites)",
            r"(?i)^\W*(?:Informations\s+pratiques|Annexe|Je\s+vous\s+souhaite|Veuillez)",
            r"(?i)parallèlement\s+à\s+(?:celle\s+de\s+|la\s+réunion\s+de\s+)?(?:la\s+|l')?(?P<name>[^,.;]+?)(?:\s+pendant|[,.;]|$)",
            r"(?i)président",
            r"\b(?:M\.|Mme|Mlle|Dr)\s+(?P<name>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4})",
            r"(?i)^\W*Annexe\s+B\b",
            r"(?i)^(?:aux?|à\s+la|à\s+l')\s+",
        ),
        Lang::Es => (
            r"(?i)^\W*(?:Plazos\s+importantes|Plazos)",
            r"(?i)^\W*(?:Información\s+práctica|Anexo|Le\s+deseo|Atentamente)",
            r"(?i)paralelamente\s+(?:a|con)\s+(?:la\s+reunión\s+de\s+)?(?:la\s+|el\s+)?(?P<name>[^,.;]+?)(?:[,.;]|$)",
            r"(?i)president",
            r"\b(?:Sr\.|Sra\.|Dr\.|D\.|Dña\.)\s+(?P<name>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4})",
            r"(?i)^\W*Anexo\s+B\b",
            r"(?i)^(?:a\s+las|a\s+los|al|a)\s+",
        ),
        Lang::Ru => (
            r"(?i)^\W*(?:Основные\s+)?предельные\s+сроки",
            r"(?i)^\W*(?:Практическая\s+информация|Приложени|Желаю)",
            r"(?i)одновременно\s+с\s+(?:собранием\s+)?(?P<name>[^,.;]+?)(?:[,.;]|$)",
            r"(?i)председател",
            r"(?:г-н\p{L}*|г-ж\p{L}*)\s+(?P<name>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})",
            r"(?i)^\W*Приложение\s+B\b",
            r"^",
        ),
        Lang::Ar => (
            r"^\W*(?:المواعيد\s+النهائية|مواعيد\s+نهائية)",
            r"^\W*(?:المعلومات\s+العملية|الملحق|أتمنى)",
            r"بالتزامن\s+مع\s+(?:اجتماع\s+)?(?P<name>[^،,.؛]+?)(?:[،,.؛]|$)",
            r"رئيس",
            r"(?P<name>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,4})",
            r"^\W*الملحق\s*B\b",
            r"^(?:إلى\s+)?",
        ),
    };
    Rules {
        lang,
        reference,
        subject,
        salutation,
        study_group,
        working_party,
        question: re(QUESTION),
        rapporteur,
        geneva,
        headquarters,
        opening: re(&opening),
        registration: re(&registration),
        deadlines: re(deadlines),
        deadlines_end: re(deadlines_end),
        deadline_kinds,
        colocated: re(colocated),
        chair_line: re(chair_line),
        person: re(person),
        annex_b: re(annex_b),
        tel: re(tel),
        fax: re(fax),
        web: re(web),
        working_parties: re(working_parties),
        invitation: re(invitation),
        to: re(to),
        span,
        single,
        months,
    }
}

impl Rules {
    /// Every date and span of days in `text`, in order: spans first ("15–23 January 2018",
    /// "from 6 to 17 November 2017", "2018年1月15-23日"), then single dates outside them.
    /// Impossible dates (31 February, a span that ends before it starts) are not dates.
    pub fn dates(&self, text: &str) -> Vec<DateHit> {
        let mut hits: Vec<DateHit> = Vec::new();
        for c in self.span.captures_iter(text) {
            if let Some(hit) = self.span_hit(text, &c) {
                hits.push(hit);
            }
        }
        for c in self.single.captures_iter(text) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            if hits
                .iter()
                .any(|h| h.at.start < whole.end && whole.start < h.at.end)
            {
                continue;
            }
            if let Some(hit) = self.single_hit(text, &c) {
                hits.push(hit);
            }
        }
        hits.sort_by_key(|h| h.at.start);
        hits
    }

    fn month(&self, c: &Captures, name: &str) -> Option<u32> {
        let m = c.name(name)?.as_str();
        if self.lang == Lang::Zh {
            return m.parse().ok();
        }
        let m = m.trim_end_matches('.').to_lowercase();
        self.months
            .iter()
            .find(|(n, _)| n.trim_end_matches('.') == m)
            .map(|(_, n)| *n)
    }

    fn single_hit(&self, text: &str, c: &Captures) -> Option<DateHit> {
        let at = c.get(0)?.range();
        let lead = if self.lang == Lang::Zh { "y" } else { "d" };
        if !starts_clean(text, c.name(lead)?.start()) {
            return None;
        }
        let day = |n: &str| c.name(n)?.as_str().parse::<u32>().ok();
        let date = ymd(day("y")? as i32, self.month(c, "m")?, day("d")?)?;
        Some(DateHit {
            at,
            first: date,
            last: date,
        })
    }

    fn span_hit(&self, text: &str, c: &Captures) -> Option<DateHit> {
        let at = c.get(0)?.range();
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let start = if self.lang == Lang::Zh { "y1" } else { "d1" };
        if !starts_clean(text, c.name(start)?.start()) {
            return None;
        }
        let (y1, m1, y2, m2) = if self.lang == Lang::Zh {
            let (y1, m1) = (num("y1")?, num("m1")?);
            (y1, m1, num("y2").unwrap_or(y1), num("m2").unwrap_or(m1))
        } else {
            let (y2, m2) = (num("y2")?, self.month(c, "m2")?);
            (
                num("y1").unwrap_or(y2),
                self.month(c, "m1").unwrap_or(m2),
                y2,
                m2,
            )
        };
        let first = ymd(y1 as i32, m1, num("d1")?)?;
        let last = ymd(y2 as i32, m2, num("d2")?)?;
        // a span of a year at most, going forward: anything else is not a span we can read
        (first < last && (last - first).num_days() <= 366).then_some(DateHit { at, first, last })
    }

    /// What a deadline row asks for.
    pub fn deadline_kind(&self, row: &str) -> Option<DeadlineKind> {
        self.deadline_kinds
            .iter()
            .find(|(_, r)| r.is_match(row))
            .map(|(k, _)| *k)
    }
}

/// Whether a number starting at `at` is not the tail of a longer number ("2018" is no day 18).
fn starts_clean(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

/// A date of the years letters are written in (the draft must hold a date TOML can write).
fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1950..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(lang: Lang, text: &str) -> Vec<(String, String)> {
        rules(lang)
            .dates(text)
            .into_iter()
            .map(|h| (h.first.to_string(), h.last.to_string()))
            .collect()
    }

    fn one(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn day_spans_read_as_each_language_writes_them() {
        let cases = [
            (
                Lang::En,
                "from 6 to 17 November 2017 inclusive",
                one("2017-11-06", "2017-11-17"),
            ),
            (
                Lang::En,
                "Geneva, 15–23 January 2018",
                one("2018-01-15", "2018-01-23"),
            ),
            (
                Lang::En,
                "Geneva,9-18 April 2018",
                one("2018-04-09", "2018-04-18"),
            ),
            (
                Lang::En,
                "26 February-2 March 2018",
                one("2018-02-26", "2018-03-02"),
            ),
            (
                Lang::En,
                "28 December 2017 – 3 January 2018",
                one("2017-12-28", "2018-01-03"),
            ),
            (
                Lang::En,
                "28 February to 10 March 2000",
                one("2000-02-28", "2000-03-10"),
            ),
            (
                Lang::Zh,
                "2018年1月15-23日，日内瓦",
                one("2018-01-15", "2018-01-23"),
            ),
            (
                Lang::Zh,
                "2015 年 6 月 10-17 日",
                one("2015-06-10", "2015-06-17"),
            ),
            (
                Lang::Zh,
                "2018年1月30日至2月2日",
                one("2018-01-30", "2018-02-02"),
            ),
            (Lang::Zh, "2018年1月24日", one("2018-01-24", "2018-01-24")),
            (
                Lang::Fr,
                "du 26 octobre au 6 novembre 2009",
                one("2009-10-26", "2009-11-06"),
            ),
            (
                Lang::Fr,
                "Genève, 26 octobre - 6 novembre 2009",
                one("2009-10-26", "2009-11-06"),
            ),
            (
                Lang::Es,
                "del 20 al 28 de septiembre de 2011",
                one("2011-09-20", "2011-09-28"),
            ),
            (
                Lang::Es,
                "20-28 de septiembre de 2011",
                one("2011-09-20", "2011-09-28"),
            ),
            (
                Lang::Es,
                "23 de noviembre – 1 de diciembre de 2010",
                one("2010-11-23", "2010-12-01"),
            ),
            (
                Lang::Ru,
                "с 24 по 28 января 2011 года",
                one("2011-01-24", "2011-01-28"),
            ),
            (
                Lang::Ru,
                "Женева, 14–23 сентября 2016 года",
                one("2016-09-14", "2016-09-23"),
            ),
            (
                Lang::Ar,
                "من 15 إلى 23 يناير 2018",
                one("2018-01-15", "2018-01-23"),
            ),
        ];
        for (lang, text, want) in cases {
            assert_eq!(spans(lang, text), want, "{lang:?}: {text}");
        }
    }

    #[test]
    fn single_dates_and_not_dates() {
        assert_eq!(
            spans(Lang::En, "Geneva, 21 July 2017"),
            one("2017-07-21", "2017-07-21")
        );
        assert_eq!(
            spans(Lang::Fr, "Genève, le 30 juillet 2009"),
            one("2009-07-30", "2009-07-30")
        );
        assert_eq!(
            spans(Lang::Es, "24 de junio de 2011"),
            one("2011-06-24", "2011-06-24")
        );
        assert_eq!(
            spans(Lang::Ru, "16 сентября 2010 года"),
            one("2010-09-16", "2010-09-16")
        );
        assert_eq!(
            spans(Lang::Ar, "4 سبتمبر 2014"),
            one("2014-09-04", "2014-09-04")
        );
        // two rows run together: the date glued to the text before it is still a date
        assert_eq!(
            spans(
                Lang::En,
                "translation is requested25 September 2017 / - Submit"
            ),
            one("2017-09-25", "2017-09-25")
        );
        for (lang, text) in [
            (Lang::En, "31 February 2018"),
            (
                Lang::En,
                "23-15 January 2018 is backwards, 2428 January neither",
            ),
            (Lang::En, "the meeting report, Q3/20 and TD556/20"),
            (Lang::Zh, "2018年13月1日"),
        ] {
            let got = spans(lang, text);
            assert!(
                got.iter().all(|(a, b)| a <= b) && !got.iter().any(|(a, _)| a.contains("-02-31")),
                "{lang:?}: {text}: {got:?}"
            );
        }
        assert!(spans(Lang::En, "31 February 2018").is_empty());
        // a day glued to the digits before it is no day ("2428 января": a lost dash)
        assert!(spans(Lang::Ru, "Женева, 2428 января 2011 года").is_empty());
        assert!(spans(Lang::Zh, "2018年13月1日").is_empty());
    }

    #[test]
    fn deadline_rows_are_told_apart_by_what_they_ask() {
        use DeadlineKind::*;
        let en = rules(Lang::En);
        let cases = [
            (
                "Submit ITU-T Member contributions for which translation is requested",
                ContributionsTranslation,
            ),
            (
                "Submit requests for real-time captioning and/or sign-language interpretation",
                Captioning,
            ),
            (
                "Submit interpretation requests (via online pre-registration form)",
                Interpretation,
            ),
            ("Submit fellowship requests", Fellowships),
            (
                "Pre-registration (online via the study group homepage)",
                PreRegistration,
            ),
            (
                "Submit requests for visa support letters",
                VisaSupportLetter,
            ),
            ("Submit ITU-T Member contributions", Contributions),
        ];
        for (row, want) in cases {
            assert_eq!(en.deadline_kind(row), Some(want), "{row}");
        }
        let zh = rules(Lang::Zh);
        assert_eq!(
            zh.deadline_kind("提供需要翻译的ITU-T成员文稿"),
            Some(ContributionsTranslation)
        );
        assert_eq!(
            zh.deadline_kind("预先注册（通过研究组主页进行网上注册）"),
            Some(PreRegistration)
        );
        assert_eq!(
            zh.deadline_kind("申请办理签证所需的支持函"),
            Some(VisaSupportLetter)
        );
        assert_eq!(zh.deadline_kind("提交ITU-T成员文稿"), Some(Contributions));
    }
}
