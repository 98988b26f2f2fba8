//! Matching of paired marks, shared by `unbalanced-quote` and `unbalanced-bracket`.

/// A family of marks that pair with each other: any opener closes with any closer of the
/// same family (`（` with `)` is a width slip, not an imbalance).
pub struct Family {
    pub openers: &'static [char],
    pub closers: &'static [char],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orphan {
    /// An opening mark never closed in the paragraph.
    Opener { at: usize, mark: char },
    /// A closing mark with nothing open before it.
    Closer { at: usize, mark: char },
}

impl Orphan {
    pub fn at(self) -> usize {
        match self {
            Orphan::Opener { at, .. } | Orphan::Closer { at, .. } => at,
        }
    }

    pub fn mark(self) -> char {
        match self {
            Orphan::Opener { mark, .. } | Orphan::Closer { mark, .. } => mark,
        }
    }
}

/// Unpaired marks of each family in `text`, in text order. Marks for which `ignore` says
/// so (apostrophes, list markers, protected spans) take no part in the matching.
pub fn orphans(text: &str, families: &[Family], ignore: impl Fn(usize, char) -> bool) -> Vec<Orphan> {
    let mut found = Vec::new();
    for family in families {
        let mut open: Vec<(usize, char)> = Vec::new();
        for (at, c) in text.char_indices() {
            let is_opener = family.openers.contains(&c);
            let is_closer = family.closers.contains(&c);
            if !(is_opener || is_closer) || ignore(at, c) {
                continue;
            }
            if is_opener {
                open.push((at, c));
            } else if open.pop().is_none() {
                found.push(Orphan::Closer { at, mark: c });
            }
        }
        found.extend(open.into_iter().map(|(at, mark)| Orphan::Opener { at, mark }));
    }
    found.sort_by_key(|o| o.at());
    found
}
