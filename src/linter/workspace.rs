//! The files of an editor's workspace, kept between runs of the language server: what the
//! duplicate phase needs of each (its units) and the near pairs among them, so that a run
//! over the open documents finds a paragraph pasted from any file of the workspace while
//! searching only the open documents' paragraphs afresh.

use super::{
    Linted, Notice, Options, Run, Timer, duplicates, gather, known_from_cache, lint_document,
    read_all, reported, save_cache,
};
use crate::dedup::{self, At, RawPair};
use crate::document::Document;
use crate::input::decode::TextEncoding;
use crate::input::walk::{Input, InputError, path_key};
use crate::report::suppress::Directives;
use std::path::PathBuf;

/// One file of the workspace as the duplicate phase sees it.
#[derive(Clone)]
struct Member {
    path: String,
    file: Option<PathBuf>,
    key: String,
    encoding: TextEncoding,
    units: dedup::FileUnits,
}

/// The workspace's files in path order, and the near pairs among them (file indices in that
/// order).
#[derive(Default)]
pub struct Workspace {
    members: Vec<Member>,
    pairs: Vec<RawPair>,
}

impl Workspace {
    /// Reads `inputs` (from the cache where it holds them, writing it back when a cache
    /// directory is set) and finds the near pairs among them. Read errors and notices are
    /// returned for the caller to say or drop: the workspace is context, not the run.
    pub fn read(inputs: &[Input], options: &Options) -> (Workspace, Vec<InputError>, Vec<Notice>) {
        let timer = Timer::start();
        let (linted, errors, cache, notices) = read_all(inputs, &[], Vec::new(), options, &timer);
        let (mut run, kept, units, directives) = gather(linted, errors, options, notices);
        let known = cache.as_ref().map(|cache| known_from_cache(cache, &kept));
        let (pairs, complete) = duplicates(&mut run, &units, known.as_ref(), options, &timer);
        let keys: Vec<String> = kept.iter().map(|file| file.key.clone()).collect();
        let unchanged = cache.as_ref().is_some_and(|c| c.files() == kept.len())
            && kept.iter().all(|file| !file.changed);
        if let Some(dir) = options.cache.as_ref().filter(|_| !unchanged && complete) {
            save_cache(
                &mut run,
                dir,
                kept,
                units.clone(),
                &directives,
                &pairs,
                options,
            );
        }
        let members = run
            .paths
            .into_iter()
            .zip(run.files)
            .zip(keys)
            .zip(run.encodings)
            .zip(units)
            .map(|((((path, file), key), encoding), units)| Member {
                path,
                file,
                key,
                encoding,
                units,
            })
            .collect();
        (Workspace { members, pairs }, run.errors, run.notices)
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// Lints documents given in memory (an editor's open buffers, which may differ from the
/// files on disk) together with the files of `workspace`: a copy between a document and a
/// workspace file is reported on the document. A workspace file that is also a document is
/// the document. Findings are reported on the documents only.
pub fn lint_in_workspace(
    documents: Vec<Document>,
    workspace: &Workspace,
    options: &Options,
) -> Run {
    let timer = Timer::start();
    let open: Vec<String> = documents
        .iter()
        .map(|document| path_key(std::path::Path::new(&document.source.path)))
        .collect();
    let mut linted: Vec<Linted> = {
        use rayon::prelude::*;
        documents
            .into_par_iter()
            .map(|document| lint_document(document, options, true))
            .collect()
    };
    // Workspace index → index in this run (context files come first, in path order).
    let mut position: Vec<Option<u32>> = Vec::with_capacity(workspace.members.len());
    let mut context = Vec::new();
    if super::duplicates_enabled(options) {
        for member in &workspace.members {
            if open.contains(&member.key) {
                position.push(None);
                continue;
            }
            position.push(Some(context.len() as u32));
            let mut units = member.units.clone();
            units.context = true;
            context.push(Linted {
                path: member.path.clone(),
                file: member.file.clone(),
                source: None,
                continued_lines: None,
                diagnostics: Vec::new(),
                encoding: member.encoding,
                digest: None,
                units,
                directives: Directives::default(),
                stamp: None,
                cached: true,
                context: true,
                unread_parts: Vec::new(),
                notices: Vec::new(),
            });
        }
    }
    let contexts = context.len();
    context.append(&mut linted);
    let (mut run, kept, units, directives) = gather(context, Vec::new(), options, Vec::new());
    debug_assert_eq!(run.context, contexts);
    let at = |at: At| {
        position
            .get(at.document())
            .copied()
            .flatten()
            .map(|file| At::new(file, at.unit))
    };
    let known = dedup::Known {
        changed: kept.iter().map(|file| file.changed).collect(),
        pairs: workspace
            .pairs
            .iter()
            .filter_map(|&(a, b, similarity)| Some((at(a)?, at(b)?, similarity)))
            .collect(),
    };
    duplicates(&mut run, &units, Some(&known), options, &timer);
    reported(&mut run, &directives, options);
    run
}
