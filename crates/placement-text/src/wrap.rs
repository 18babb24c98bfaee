//! Wrapping prose to the terminal width.

/// The width terminal output is wrapped to by default.
pub const WIDTH: usize = 100;

/// `text` wrapped at spaces to lines of at most `width` characters (a single word longer than
/// the line stays whole): the first line starts with `first`, the others with `rest`. Every
/// line but the last ends in a newline; no line has trailing spaces.
///
/// ```
/// use placement_text::wrap;
/// assert_eq!(wrap("one two three four", 10, "- ", "  "), "- one two\n  three\n  four");
/// ```
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && len > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_exceeds_the_width_and_no_word_is_lost() {
        let text = "Waar zowel de behoefte aan samenwerking als de meerwaarde van een vast aanspreekpunt ten opzichte van de bestaande kanalen hoog is, wordt een vaste liaison geplaatst.";
        let w = wrap(text, 40, "  - ", "    ");
        assert!(w.lines().all(|l| l.chars().count() <= 40), "{w}");
        let words: Vec<&str> = w.split_whitespace().filter(|x| *x != "-").collect();
        assert_eq!(words, text.split(' ').collect::<Vec<_>>());
    }
}
