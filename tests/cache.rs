//! The incremental cache: a re-run gives the same output as a run without it, whatever
//! changed in between, and a missing or broken cache is rebuilt silently.

use assert_cmd::Command;
use std::path::Path;

const PARAGRAPH: &str = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展依法行政示范单位创建，在镇村两级持续开展平安法治竞赛。";
const OTHER: &str = "强化队伍整合，提升文明行政能力。严格公正执法与规范文明执法，犹如一个硬币的两面，共同决定着执法的质量和效果，关系到政府形象和公信力。";

fn check(dir: &Path, cache: Option<&Path>) -> String {
    let mut command = Command::cargo_bin("govlint").expect("binary is built");
    command
        .current_dir(dir)
        .args(["check", "docs", "--format", "json"]);
    if let Some(cache) = cache {
        command.arg("--cache-dir").arg(cache);
    }
    let output = command.output().expect("govlint runs");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
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

    // A broken cache is ignored and rewritten.
    for entry in cache.read_dir().expect("cache directory") {
        std::fs::write(entry.expect("entry").path(), b"not a cache").expect("cache overwritten");
    }
    assert_eq!(
        check(root, Some(&cache)),
        check(root, None),
        "with a broken cache"
    );
    assert_eq!(check(root, Some(&cache)), check(root, None), "rebuilt");

    // A cache cut short, or whose first length claims more than the file holds, is ignored.
    let files: Vec<_> = cache
        .read_dir()
        .expect("cache directory")
        .map(|entry| entry.expect("entry").path())
        .collect();
    for damage in ["cut short", "a length past the end"] {
        for file in &files {
            let mut bytes = std::fs::read(file).expect("cache read");
            match damage {
                "cut short" => bytes.truncate(bytes.len() / 2),
                _ => bytes[..8].copy_from_slice(&u64::MAX.to_le_bytes()),
            }
            std::fs::write(file, bytes).expect("cache damaged");
        }
        assert_eq!(check(root, Some(&cache)), check(root, None), "{damage}");
        assert_eq!(
            check(root, Some(&cache)),
            check(root, None),
            "rebuilt after {damage}"
        );
    }
}
