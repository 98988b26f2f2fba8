//! The incremental cache: a re-run gives the same output as a run without it, whatever
//! changed in between; a missing cache is built silently, a broken one with a note.

use assert_cmd::Command;
use std::path::Path;

const PARAGRAPH: &str = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展依法行政示范单位创建，在镇村两级持续开展平安法治竞赛。";
const OTHER: &str = "强化队伍整合，提升文明行政能力。严格公正执法与规范文明执法，犹如一个硬币的两面，共同决定着执法的质量和效果，关系到政府形象和公信力。";

fn check(dir: &Path, cache: Option<&Path>) -> String {
    let (stdout, stderr) = check_noting(dir, cache);
    assert!(stderr.is_empty(), "{stderr}");
    stdout
}

/// The JSON output of a run, and what it printed on standard error.
fn check_noting(dir: &Path, cache: Option<&Path>) -> (String, String) {
    let mut command = Command::cargo_bin("govlint").expect("binary is built");
    command
        .current_dir(dir)
        .args(["check", "docs", "--format", "json"]);
    if let Some(cache) = cache {
        command.arg("--cache-dir").arg(cache);
    }
    let output = command.output().expect("govlint runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join("docs").join(name), text).expect("fixture is written");
}

#[test]
fn re_runs_with_the_cache_match_runs_without_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    std::fs::create_dir(root.join("docs")).expect("docs directory");
    let cache = root.join("cache");
    write(
        root,
        "a.txt",
        &format!("{PARAGRAPH}\n{OTHER}\n近年来,全区法治建设迈上新台阶.\n"),
    );
    write(root, "b.txt", &format!("{OTHER}\n"));
    let recycled = PARAGRAPH.replace("平安法治", "法治创建");
    write(root, "c.txt", &format!("{recycled}\n"));

    let cold = check(root, None);
    assert!(cold.contains("near-duplicate-paragraph") && cold.contains("\"duplicate-paragraph\""));
    assert_eq!(
        check(root, Some(&cache)),
        cold,
        "first run, writing the cache"
    );
    assert!(cache.read_dir().expect("cache directory").next().is_some());
    assert_eq!(
        check(root, Some(&cache)),
        cold,
        "second run, from the cache"
    );

    // A changed file is read again; its new copy of another file is found.
    write(root, "b.txt", &format!("{OTHER}\n{PARAGRAPH}\n"));
    let changed = check(root, None);
    assert_ne!(changed, cold);
    assert_eq!(check(root, Some(&cache)), changed, "after a change");

    // A removed file leaves no trace.
    std::fs::remove_file(root.join("docs/c.txt")).expect("file removed");
    assert_eq!(
        check(root, Some(&cache)),
        check(root, None),
        "after a removal"
    );

    // A broken cache is ignored with a note, and rewritten.
    for entry in cache.read_dir().expect("cache directory") {
        std::fs::write(entry.expect("entry").path(), b"not a cache").expect("cache overwritten");
    }
    let (broken, note) = check_noting(root, Some(&cache));
    assert_eq!(broken, check(root, None), "with a broken cache");
    assert!(note.contains("the cache is damaged"), "{note}");
    assert_eq!(check(root, Some(&cache)), check(root, None), "rebuilt");

    // A cache cut short, whose first length claims more than the file holds, or with one
    // byte changed anywhere, is ignored with a note, and written again.
    let files: Vec<_> = cache
        .read_dir()
        .expect("cache directory")
        .map(|entry| entry.expect("entry").path())
        .collect();
    for damage in [
        "cut short",
        "a length past the end",
        "a byte changed in the middle",
        "a byte changed at the end",
    ] {
        for file in &files {
            let mut bytes = std::fs::read(file).expect("cache read");
            let middle = bytes.len() / 2;
            let last = bytes.len() - 1;
            match damage {
                "cut short" => bytes.truncate(middle),
                "a length past the end" => bytes[..8].copy_from_slice(&u64::MAX.to_le_bytes()),
                "a byte changed in the middle" => bytes[middle] ^= 0x20,
                _ => bytes[last] ^= 0x01,
            }
            std::fs::write(file, bytes).expect("cache damaged");
        }
        let (damaged, note) = check_noting(root, Some(&cache));
        assert_eq!(damaged, check(root, None), "{damage}");
        assert!(note.contains("the cache is damaged"), "{damage}: {note}");
        assert_eq!(
            check(root, Some(&cache)),
            check(root, None),
            "rebuilt after {damage}"
        );
    }
}

/// A file rewritten with its size and modification time kept (`cp -p`, `touch -r`, tar,
/// rsync) is read again: its change time and inode are part of the stamp.
#[cfg(unix)]
#[test]
fn a_file_changed_with_its_size_and_modification_time_kept_is_read_again() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    std::fs::create_dir(root.join("docs")).expect("docs directory");
    let cache = root.join("cache");
    let before = "　　今年共有一二三四五家企业,较上年增长。\n";
    let after = "　　今年共有六七八九十家企业，较上年增长.\n";
    assert_eq!(before.len(), after.len());
    write(root, "a.txt", before);
    let path = root.join("docs/a.txt");
    let first = check(root, Some(&cache));
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("modification time");
    write(root, "a.txt", after);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(modified))
        .expect("modification time restored");
    let fresh = check(root, None);
    assert_ne!(fresh, first);
    assert_eq!(check(root, Some(&cache)), fresh);
}

/// A repository that plants links where the cache goes cannot make govlint write through
/// them: the cache file, its temporary files, and the directory itself.
#[cfg(unix)]
#[test]
fn links_planted_in_the_cache_directory_are_never_written_through() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    std::fs::create_dir(root.join("docs")).expect("docs directory");
    write(root, "a.txt", &format!("{PARAGRAPH}\n{PARAGRAPH}\n"));
    let victim = root.join("victim.txt");
    std::fs::write(&victim, "do not overwrite\n").expect("victim written");
    let cache = root.join("cache");
    std::fs::create_dir(&cache).expect("cache directory");
    // The old predictable temporary names, for the next few thousand process ids, and the
    // cache file itself.
    for pid in 1..4096 {
        let link = cache.join(format!("govlint-v12.bin.{pid}.tmp"));
        std::os::unix::fs::symlink(&victim, link).expect("link planted");
    }
    std::os::unix::fs::symlink(&victim, cache.join("govlint-v12.bin")).expect("link planted");
    let (output, note) = check_noting(root, Some(&cache));
    assert_eq!(output, check(root, None));
    assert!(note.contains("symbolic link"), "{note}");
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim read"),
        "do not overwrite\n"
    );

    // A cache directory that is itself a link is neither read nor written.
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("directory");
    let linked = root.join("linked-cache");
    std::os::unix::fs::symlink(&elsewhere, &linked).expect("link planted");
    let (output, note) = check_noting(root, Some(&linked));
    assert_eq!(output, check(root, None));
    assert!(note.contains("symbolic link"), "{note}");
    assert_eq!(std::fs::read_dir(&elsewhere).expect("directory").count(), 0);
}
