//! The page's own `<style>` blocks, applied as far as they hide text: an element that a rule
//! gives `display: none` (or `visibility: hidden`/`collapse`) is not shown, so its text is
//! not the article's (drop-down menus, dialogs, the 长者 or mobile copy of the body).
//!
//! Parsed with `simplecss` (a CSS 2 parser and selector matcher without dependencies of its
//! own): type, class, id and attribute selectors and the descendant, child combinators. What
//! a browser would also weigh and this does not: at-rules (`@media` blocks are skipped
//! whole: a rule for phones or for print does not hide the screen's text), external
//! stylesheets (`<link rel="stylesheet">`, not in the page), pseudo-classes (`:hover` and
//! the like never match: a menu shown on hover is hidden, as it is when the page loads),
//! sibling selectors, and `visibility: visible` on a child of a hidden element.

use super::{Element, Scope, Token, elements};
use simplecss::{AttributeOperator, Declaration, DeclarationTokenizer, PseudoClass, StyleSheet};
use std::cell::Cell;

/// How many steps selector matching may take on one page (a step: an element's name,
/// attribute or parent looked at): a page of thousands of rules and deeply nested elements
/// stays fast. Past it, no further rule matches (the text stays read), the same way on every
/// run.
const BUDGET: usize = 20_000_000;

/// Marks the start tags of the elements the page's own stylesheets hide.
pub(super) fn hidden_by_stylesheets(tokens: &mut [Token]) {
    let css = style_text(tokens);
    if css.is_empty() {
        return;
    }
    // The rules that say whether an element is shown, in the order the cascade applies them:
    // by specificity, the page's order among equals.
    let mut rules: Vec<(simplecss::Selector<'_>, Vec<Effect>)> = statements(&css)
        .flat_map(|statement| StyleSheet::parse(statement).rules)
        .filter_map(|rule| {
            let effects: Vec<Effect> = rule.declarations.iter().filter_map(effect).collect();
            (!effects.is_empty()).then_some((rule.selector, effects))
        })
        .collect();
    rules.sort_by_cached_key(|(selector, _)| selector.specificity());
    if rules.is_empty() {
        return;
    }
    let found = elements(tokens);
    let steps = Cell::new(0usize);
    let mut hide = Vec::new();
    for (index, element) in found.iter().enumerate() {
        // Already not read (a script, an inline `display:none`, inside one of them).
        if element.hidden {
            continue;
        }
        let node = Node {
            tokens,
            elements: &found,
            index,
            steps: &steps,
        };
        if steps.get() >= BUDGET {
            break;
        }
        let mut shown = Shown::default();
        for (selector, effects) in &rules {
            if selector.matches(&node) {
                for effect in effects {
                    shown.apply(*effect);
                }
            }
        }
        let Token::Start(tag) = &tokens[element.start] else {
            continue;
        };
        for declaration in DeclarationTokenizer::from(tag.attributes.style.as_str()) {
            if let Some(e) = effect(&declaration) {
                shown.apply(e);
            }
        }
        // WeChat's `#js_content` is served `visibility: hidden`, a loading state its script
        // lifts: a known container hidden that way is read.
        let lifted = element.scope == Some(Scope::Container);
        let invisible = shown.visibility.is_some_and(|(hidden, _)| hidden) && !lifted;
        if shown.display.is_some_and(|(none, _)| none) || invisible {
            hide.push(element.start);
        }
    }
    for start in hide {
        if let Token::Start(tag) = &mut tokens[start] {
            tag.hide = true;
        }
    }
}

/// The top-level statements of a stylesheet (a rule, or an at-rule with its block), each
/// parsed alone: simplecss works out the line and column of each selector it cannot read by
/// counting from the start of the text it is given, which on one WeChat stylesheet of
/// hundreds of such selectors took two seconds.
fn statements(css: &str) -> impl Iterator<Item = &str> {
    let bytes = css.as_bytes();
    let mut start = 0;
    let mut at = 0;
    let mut depth = 0usize;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            match bytes[at] {
                b'/' if bytes.get(at + 1) == Some(&b'*') => {
                    at = css[at + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |end| at + 2 + end + 2);
                    continue;
                }
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        at += 1;
                        let statement = &css[start..at];
                        start = at;
                        return Some(statement);
                    }
                }
                _ => {}
            }
            at += 1;
        }
        (start < bytes.len()).then(|| {
            let statement = &css[start..];
            start = bytes.len();
            statement
        })
    })
}

/// The text of the page's `<style>` elements for the screen, one after the other.
fn style_text(tokens: &[Token]) -> String {
    let mut css = String::new();
    let mut inside = false;
    for token in tokens {
        match token {
            Token::Start(tag) if tag.name == b"style" => {
                let media = tag.attributes.media.trim().to_ascii_lowercase();
                inside = media.is_empty()
                    || media
                        .split(',')
                        .any(|m| matches!(m.trim(), "all" | "screen"));
                if inside {
                    css.push('\n');
                }
            }
            Token::End { name, .. } if name == b"style" => inside = false,
            Token::Text { text, .. } if inside => css.push_str(text),
            _ => {}
        }
    }
    css
}

/// What a declaration says about an element being shown.
#[derive(Debug, Clone, Copy)]
enum Effect {
    /// `display`: `none` or another value; `!important`.
    Display(bool, bool),
    /// `visibility`: `hidden`/`collapse` or another value; `!important`.
    Visibility(bool, bool),
}

fn effect(declaration: &Declaration<'_>) -> Option<Effect> {
    let value = declaration.value.trim().to_ascii_lowercase();
    match declaration.name.trim().to_ascii_lowercase().as_str() {
        "display" => Some(Effect::Display(value == "none", declaration.important)),
        "visibility" => Some(Effect::Visibility(
            matches!(value.as_str(), "hidden" | "collapse"),
            declaration.important,
        )),
        _ => None,
    }
}

/// The winning `display` and `visibility` of an element: (hidden, by an `!important`
/// declaration).
#[derive(Default)]
struct Shown {
    display: Option<(bool, bool)>,
    visibility: Option<(bool, bool)>,
}

impl Shown {
    /// A later declaration (a stylesheet's, in cascade order, then the `style` attribute's)
    /// wins unless the one before was `!important` and it is not.
    fn apply(&mut self, effect: Effect) {
        let (slot, value, important) = match effect {
            Effect::Display(none, important) => (&mut self.display, none, important),
            Effect::Visibility(hidden, important) => (&mut self.visibility, hidden, important),
        };
        if slot.is_none_or(|(_, before)| important || !before) {
            *slot = Some((value, important));
        }
    }
}

/// An element of the page, as simplecss matches selectors against it.
#[derive(Clone, Copy)]
struct Node<'a> {
    tokens: &'a [Token],
    elements: &'a [Element],
    index: usize,
    steps: &'a Cell<usize>,
}

impl Node<'_> {
    /// One step of matching; false once the page's budget is spent.
    fn step(&self) -> bool {
        let n = self.steps.get();
        self.steps.set(n.saturating_add(1));
        n < BUDGET
    }

    fn attributes(&self) -> Option<&super::Attributes> {
        match &self.tokens[self.elements[self.index].start] {
            Token::Start(tag) => Some(&tag.attributes),
            _ => None,
        }
    }
}

impl simplecss::Element for Node<'_> {
    fn parent_element(&self) -> Option<Self> {
        if !self.step() {
            return None;
        }
        self.elements[self.index]
            .parent
            .map(|index| Node { index, ..*self })
    }

    fn prev_sibling_element(&self) -> Option<Self> {
        None
    }

    fn has_local_name(&self, name: &str) -> bool {
        self.step()
            && self.elements[self.index]
                .name
                .eq_ignore_ascii_case(name.as_bytes())
    }

    fn attribute_matches(&self, local_name: &str, operator: AttributeOperator<'_>) -> bool {
        if !self.step() {
            return false;
        }
        let Some(a) = self.attributes() else {
            return false;
        };
        let value = match local_name.to_ascii_lowercase().as_str() {
            "class" => a.class.as_str(),
            "id" => a.id.trim(),
            "role" => a.role.as_str(),
            "style" => a.style.as_str(),
            "name" => a.name.as_str(),
            // Other attributes are not kept: a selector on them does not match.
            _ => return false,
        };
        !value.is_empty() && operator.matches(value)
    }

    fn pseudo_class_matches(&self, _class: PseudoClass<'_>) -> bool {
        false
    }
}
