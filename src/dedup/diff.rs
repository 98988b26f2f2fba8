//! What differs between two near-duplicate paragraphs, as a character diff an editor can
//! read: `…开[-毛-]{+展+}调查…`.

use similar::{Algorithm, ChangeTag, TextDiff};

/// Equal runs longer than this are shortened to their ends.
const KEEP_EQUAL: usize = 12;
const EDGE: usize = 5;

pub fn describe(old: &str, new: &str) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(std::time::Duration::from_millis(200))
        .diff_chars(old, new);
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        match runs.last_mut() {
            Some((last, text)) if *last == tag => text.push_str(change.value()),
            _ => runs.push((tag, change.value().to_string())),
        }
    }
    let last = runs.len().saturating_sub(1);
    let mut out = String::new();
    for (i, (tag, text)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Equal => out.push_str(&elide(text, i == 0, i == last)),
            ChangeTag::Delete => out.push_str(&format!("[-{text}-]")),
            ChangeTag::Insert => out.push_str(&format!("{{+{text}+}}")),
        }
    }
    out
}

fn elide(text: &str, first: bool, last: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= KEEP_EQUAL {
        return text.to_string();
    }
    let head: String = chars[..EDGE].iter().collect();
    let tail: String = chars[chars.len() - EDGE..].iter().collect();
    match (first, last) {
        (true, true) => format!("{head}…{tail}"),
        (true, false) => format!("…{tail}"),
        (false, true) => format!("{head}…"),
        (false, false) => format!("{head}…{tail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn shows_changed_characters_with_context() {
        let old = "第八十四条 车辆管理所开毛调查时，可以对申请人提交的材料进行核查。";
        let new = "第八十四条 车辆管理所开展调查时，可以对申请人提交的材料进行核查。";
        assert_eq!(
            describe(old, new),
            "第八十四条 车辆管理所开[-毛-]{+展+}调查时，可…"
        );
    }
}
