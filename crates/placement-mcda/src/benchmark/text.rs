//! The benchmark report as text for a terminal and as the SMAA-2 chart, in English or Dutch:
//! every label is a word (schemes, methods, metrics and criteria by name, never an id), and
//! Dutch uses the decimal comma.

use std::fmt::Write as _;

use placement_text::{num, wrap, Lang, WIDTH};

use super::{BenchmarkReport, Run, Skipped};
use crate::svg::{acceptability_chart, Chart};

/// A weighting scheme's name as printed.
fn scheme_label(lang: Lang, scheme: &str) -> &'static str {
    match scheme {
        "given" => lang.pick("given", "regelboek"),
        "equal" => lang.pick("equal", "gelijk"),
        "roc" => "ROC",
        "rs" => "RS",
        "rr" => "RR",
        "entropy" => lang.pick("entropy", "entropie"),
        "critic" => "CRITIC",
        "std" => "SD",
        "ahp" => "AHP",
        "swara" => "SWARA",
        _ => "?",
    }
}

/// A method's name as printed.
fn method_label(lang: Lang, method: &str) -> &'static str {
    match method {
        "wsm" => "WSM",
        "wpm" => "WPM",
        "topsis" => "TOPSIS",
        "vikor" => "VIKOR",
        "promethee_ii" => "PROMETHEE II",
        "copras" => "COPRAS",
        "moora" => "MOORA",
        "placement" => lang.pick("engine", "regelmodel"),
        _ => "?",
    }
}

/// A correlation metric's name as printed.
fn metric_label(lang: Lang, metric: &str) -> &'static str {
    match metric {
        "spearman" => "Spearman",
        "kendall" => "Kendall",
        "weighted_spearman" => lang.pick("weighted Spearman", "gewogen Spearman"),
        "ws" => lang.pick("WS similarity", "WS-gelijkenis"),
        _ => "?",
    }
}

/// `"given · WSM"`: a run as printed.
pub(super) fn run_label(lang: Lang, run: &Run) -> String {
    format!(
        "{} · {}",
        scheme_label(lang, run.scheme),
        method_label(lang, run.method)
    )
}

/// Right-aligns `s` in `width` characters (counting characters, not bytes).
fn pad_left(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(n)))
}

/// Left-aligns `s` in `width` characters.
fn pad_right(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// Writes `text` and a newline: whole with `wide`, otherwise wrapped to
/// [`placement_text::WIDTH`] with the lines after the first indented by two spaces.
fn put(s: &mut String, wide: bool, text: &str) {
    if wide {
        let _ = writeln!(s, "{text}");
    } else {
        let _ = writeln!(s, "{}", wrap(text, WIDTH, "", "  "));
    }
}

/// Width of the run labels column.
const RUN_W: usize = 26;

impl BenchmarkReport {
    /// The report as plain text in English; see [`BenchmarkReport::to_text_in`].
    pub fn to_text(&self, top: usize) -> String {
        self.to_text_in(Lang::En, top)
    }

    /// The report as plain text for a terminal: the weights of every scheme, each run's
    /// first `top` alternatives, the correlation matrices, the first `top` SMAA-2 rows (by
    /// mean rank) and what was skipped, in `lang`. Every line ends in a newline and is at most
    /// [`placement_text::WIDTH`] characters wide: a criterion's name goes on the line under its
    /// weights, the correlation matrices are printed in blocks of columns, reasons are wrapped.
    /// [`BenchmarkReport::to_text_wide`] keeps every row on one line.
    pub fn to_text_in(&self, lang: Lang, top: usize) -> String {
        self.text(lang, top, false)
    }

    /// [`BenchmarkReport::to_text_in`] with lines as long as they are: a criterion's name after
    /// its weights, each correlation matrix's rows whole, reasons unwrapped (`--wide`).
    pub fn to_text_wide(&self, lang: Lang, top: usize) -> String {
        self.text(lang, top, true)
    }

    fn text(&self, lang: Lang, top: usize, wide: bool) -> String {
        let r = self;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}: {} {} × {} criteria, {} {}",
            lang.pick("Weighting benchmark", "Vergelijking van wegingsmethoden"),
            r.alternatives.len(),
            lang.pick("alternatives", "landen"),
            r.criteria.len(),
            lang.pick("rulebook", "regelboek"),
            r.rulebook
        );
        self.weights_text(lang, wide, &mut s);
        let _ = writeln!(
            s,
            "\n{} {top}{})",
            lang.pick("Rankings (first", "Rangschikkingen (eerste"),
            lang.pick(
                "; ties share an average rank",
                "; gelijke scores delen een gemiddelde plaats"
            )
        );
        for run in &r.runs {
            let codes: Vec<&str> = run
                .order()
                .into_iter()
                .take(top)
                .filter_map(|i| r.alternatives.get(i).map(String::as_str))
                .collect();
            let note = self
                .note_text(lang, run)
                .map(|n| format!("  ({n})"))
                .unwrap_or_default();
            let line = format!(
                "{} {}",
                pad_right(&run_label(lang, run), RUN_W),
                codes.join(" ")
            );
            if wide || (line.chars().count() + note.chars().count()) <= WIDTH {
                let _ = writeln!(s, "{line}{note}");
            } else {
                // The note on the next line, under the codes.
                let _ = writeln!(s, "{line}");
                let indent = " ".repeat(RUN_W + 1);
                let _ = writeln!(s, "{}", wrap(note.trim_start(), WIDTH, &indent, &indent));
            }
        }
        self.correlations_text(lang, wide, &mut s);
        self.smaa_text(lang, top, wide, &mut s);
        if !r.skipped.is_empty() {
            let _ = writeln!(s, "\n{}", lang.pick("Skipped", "Overgeslagen"));
            for k in &r.skipped {
                let who = match k.method {
                    Some(m) => format!(
                        "{} · {}",
                        scheme_label(lang, k.scheme),
                        method_label(lang, m)
                    ),
                    None => scheme_label(lang, k.scheme).to_string(),
                };
                let first = format!("{} ", pad_right(&who, RUN_W));
                if wide {
                    let _ = writeln!(s, "{first}{}", skip_reason(lang, k));
                } else {
                    let indent = " ".repeat(RUN_W + 1);
                    let _ = writeln!(s, "{}", wrap(&skip_reason(lang, k), WIDTH, &first, &indent));
                }
            }
        }
        s
    }

    fn weights_text(&self, lang: Lang, wide: bool, s: &mut String) {
        let r = self;
        s.push('\n');
        put(
            s,
            wide,
            lang.pick(
                "Weights per scheme (+ benefit, − cost; [rank of the criterion for ROC, RS, RR])",
                "Gewichten per methode (+ hoger is beter, − lager is beter; [rang van het \
                 criterium voor ROC, RS, RR])",
            ),
        );
        let _ = write!(s, "{}", pad_right("", 7));
        for w in &r.weights {
            let _ = write!(s, "{}", pad_left(scheme_label(lang, w.scheme), 10));
        }
        if wide {
            let _ = writeln!(s, "  {}", lang.pick("criterion", "criterium"));
        } else {
            s.push('\n');
        }
        for (j, c) in r.criteria.iter().enumerate() {
            let ty = if r.types.get(j) == Some(&-1) {
                "−"
            } else {
                "+"
            };
            let rank = r.criteria_ranks.get(j).copied().unwrap_or(0);
            let _ = write!(s, "{} {ty} ", pad_left(&format!("[{rank}]"), 5));
            for w in &r.weights {
                let v = w.weights.get(j).copied().unwrap_or(0.0);
                let _ = write!(s, "{}", pad_left(&num(lang, v, 3), 10));
            }
            let name = r.criterion_keys.get(j).map_or(*c, |k| lang.criterion(*k));
            if wide {
                let _ = writeln!(s, "  {name}");
            } else {
                // The name under its weights, where the first weight column starts.
                let _ = writeln!(s, "\n{}{name}", pad_right("", 8));
            }
        }
    }

    fn note_text(&self, lang: Lang, run: &Run) -> Option<String> {
        run.note.as_ref()?;
        Some(if run.method == "placement" {
            lang.pick(
                "engine re-run with these weights",
                "regelmodel opnieuw doorgerekend met deze gewichten",
            )
            .to_string()
        } else {
            let shift = placement_text::signed(lang, self.positive_shift, 1);
            match lang {
                Lang::En => format!("values shifted by {shift} so that x > 0"),
                Lang::Nl => format!("waarden verschoven met {shift} zodat x > 0"),
            }
        })
    }

    fn correlations_text(&self, lang: Lang, wide: bool, s: &mut String) {
        for cm in &self.correlations {
            let ws = cm.metric == "ws";
            let _ = writeln!(
                s,
                "\n{}{} {}{})",
                metric_label(lang, cm.metric),
                if ws {
                    ""
                } else {
                    lang.pick(" correlation", "-correlatie")
                },
                lang.pick(
                    "(row i, column j = combination no. j",
                    "(rij i, kolom j = combinatie nr. j"
                ),
                if ws {
                    lang.pick("; the row is the reference", "; de rij is de referentie")
                } else {
                    ""
                }
            );
            let n = cm.labels.len().max(1);
            // Columns per block: as many as fit in WIDTH after the row label (all with --wide).
            let per = if wide {
                n
            } else {
                (WIDTH.saturating_sub(RUN_W + 4) / 6).max(1)
            };
            let mut first = 1;
            while first <= n {
                let last = (first + per - 1).min(n);
                if per < n {
                    let _ = writeln!(s, "{} {first}–{last}", lang.pick("columns", "kolommen"));
                }
                let _ = write!(s, "{}", pad_right("", RUN_W + 4));
                for j in first..=last {
                    let _ = write!(s, "{j:>6}");
                }
                s.push('\n');
                for (i, (run, row)) in self.runs.iter().zip(&cm.values).enumerate() {
                    let _ = write!(
                        s,
                        "{:>3} {}",
                        i + 1,
                        pad_right(&run_label(lang, run), RUN_W)
                    );
                    for v in row.iter().take(last).skip(first - 1) {
                        let _ = write!(s, "{}", pad_left(&num(lang, *v, 2), 6));
                    }
                    s.push('\n');
                }
                first = last + 1;
                if first <= n {
                    s.push('\n');
                }
            }
        }
    }

    fn smaa_text(&self, lang: Lang, top: usize, wide: bool, s: &mut String) {
        let Some(t) = &self.smaa else { return };
        s.push('\n');
        put(
            s,
            wide,
            &match lang {
                Lang::En => format!(
                    "SMAA-2: {} samples, seed {}, fixed-scale values, uniform weights; share of \
                     the samples per rank (%), first {top} by mean rank",
                    t.samples, t.seed
                ),
                Lang::Nl => format!(
                    "SMAA-2: {} steekproeven, startwaarde {}, waarden op vaste schaal, uniforme \
                     gewichten; aandeel van de steekproeven per plaats (%), eerste {top} op \
                     gemiddelde plaats",
                    t.samples, t.seed
                ),
            },
        );
        let _ = write!(s, "{}", pad_right(lang.pick("country", "land"), 8));
        for b in &t.buckets {
            let _ = write!(s, "{}", pad_left(&b.label(), 8));
        }
        let _ = writeln!(
            s,
            "{}{}",
            pad_left(lang.pick("mean", "gem."), 10),
            pad_left(lang.pick("conf.", "zekerh."), 9)
        );
        for row in t.rows.iter().take(top) {
            let _ = write!(s, "{}", pad_right(&row.alternative, 8));
            for v in &row.buckets {
                let _ = write!(s, "{}", pad_left(&num(lang, v * 100.0, 1), 8));
            }
            let _ = writeln!(
                s,
                "{}{}",
                pad_left(&num(lang, row.mean_rank, 2), 10),
                pad_left(&num(lang, row.confidence, 2), 9)
            );
        }
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "(mean = mean rank; conf. = confidence factor)",
                "(gem. = gemiddelde plaats; zekerh. = betrouwbaarheidsfactor)"
            )
        );
    }

    /// The SMAA-2 rank acceptability chart of the first `top` rows (by mean rank) as an SVG
    /// document in `lang`, titled with the rulebook, the samples and the seed; `None` when
    /// the report has no SMAA-2 table.
    pub fn smaa_svg(&self, lang: Lang, top: usize) -> Option<String> {
        let table = self.smaa.as_ref()?;
        let labels: Vec<String> = table.rows.iter().map(|r| r.alternative.clone()).collect();
        let acc: Vec<Vec<f64>> = table.rows.iter().map(|r| r.acceptability.clone()).collect();
        let shown = top.min(labels.len());
        let title = match lang {
            Lang::En => format!(
                "SMAA-2 rank acceptability, rulebook {}: the {shown} of {} alternatives with the \
                 best mean rank ({} samples, seed {}; fixed-scale values, uniform weights)",
                self.rulebook,
                labels.len(),
                table.samples,
                table.seed
            ),
            Lang::Nl => format!(
                "SMAA-2-rangacceptatie, regelboek {}: de {shown} van {} landen met de beste \
                 gemiddelde plaats ({} steekproeven, startwaarde {}; waarden op vaste schaal, \
                 uniforme gewichten)",
                self.rulebook,
                labels.len(),
                table.samples,
                table.seed
            ),
        };
        let chart = Chart {
            title: &title,
            lang,
            top,
        };
        Some(acceptability_chart(&chart, &labels, &acc, &table.buckets))
    }
}

/// Why something was skipped, in `lang` (an error's own text is quoted, «…»).
fn skip_reason(lang: Lang, k: &Skipped) -> String {
    match (k.scheme, k.method) {
        ("ahp", None) => lang
            .pick(
                "needs expert pairwise judgements, which the rulebook does not hold; use the \
                 mcda JSON contract with your own",
                "vraagt paarsgewijze oordelen van deskundigen, die het regelboek niet bevat; \
                 geef uw eigen oordelen op via het JSON-contract van mcda",
            )
            .to_string(),
        ("swara", None) => lang
            .pick(
                "needs expert comparative-importance judgements, which the rulebook does not \
                 hold; use the mcda JSON contract with your own",
                "vraagt oordelen van deskundigen over het relatieve belang, die het regelboek \
                 niet bevat; geef uw eigen oordelen op via het JSON-contract van mcda",
            )
            .to_string(),
        _ => match lang {
            Lang::En => k.reason.clone(),
            Lang::Nl => format!("kon niet worden berekend («{}»)", k.reason),
        },
    }
}
