//! Generates the inputs of the slow-path benchmarks (`benches/bench.sh`), each a case that
//! once grew faster than its size:
//!
//! ```sh
//! cargo run --release --example genslow -- docx OUT.docx [PARAGRAPHS]   # default 4000
//! cargo run --release --example genslow -- gbk OUT.txt [BYTES]          # default 2600000
//! cargo run --release --example genslow -- fixable DIR FILES
//! cargo run --release --example genslow -- copies DIR FILES
//! ```
//!
//! - `docx`: a Word file of near copies of one paragraph, each with a number of its own
//!   (13 KB for 4 000): every paragraph but the first is a near copy, with a diff. JSON and
//!   SARIF keep no text, and extracted the file again for each diff.
//! - `gbk`: a GBK text of near copies of a paragraph, with twelve subjects and a number of
//!   its own; decoded again for each diff.
//! - `fixable`: `FILES` small files (1 000 a directory) each with two safe fixes, a
//!   half-width comma and a stray period: `--fix` looked up each file's findings among all.
//! - `copies`: a 2.6 MB GBK file of distinct paragraphs (`original.txt`) and `FILES` small
//!   files, each with a near copy of one of them: SARIF and rdjson read the original again
//!   for each file that refers to it.

#[path = "support/rng.rs"]
mod rng;

use std::io::Write;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |at: usize, default: usize| {
        args.get(at)
            .map_or(Ok(default), |n| n.parse::<usize>())
            .unwrap_or_else(|_| fail(&format!("`{}` is not a number", args[at])))
    };
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("docx"), Some(out)) => write(Path::new(out), &docx(number(2, 4000))),
        (Some("gbk"), Some(out)) => write(Path::new(out), &gbk(number(2, 2_600_000))),
        (Some("fixable"), Some(dir)) => fixable(Path::new(dir), number(2, 20_000)),
        (Some("copies"), Some(dir)) => copies(Path::new(dir), number(2, 1000)),
        _ => fail(
            "usage: genslow docx OUT [PARAGRAPHS] | gbk OUT [BYTES] | fixable DIR FILES \
             | copies DIR FILES",
        ),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("genslow: {message}");
    std::process::exit(2)
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(err) = std::fs::write(path, bytes) {
        fail(&format!("{}: {err}", path.display()));
    }
}

fn docx(paragraphs: usize) -> Vec<u8> {
    let body: String = (0..paragraphs)
        .map(|i| {
            format!(
                "<w:p><w:r><w:t>各地区各部门要认真贯彻落实党中央国务院决策部署，切实加强组织领导，\
                 推动第{i}项重点任务落地见效，确保取得实际成果。</w:t></w:r></w:p>"
            )
        })
        .collect();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    let written = zip
        .start_file("word/document.xml", options)
        .map_err(|e| e.to_string())
        .and_then(|()| zip.write_all(xml.as_bytes()).map_err(|e| e.to_string()))
        .and_then(|()| zip.finish().map_err(|e| e.to_string()));
    match written {
        Ok(cursor) => cursor.into_inner(),
        Err(err) => fail(&format!("zip: {err}")),
    }
}

fn gbk(bytes: usize) -> Vec<u8> {
    const SUBJECTS: [&str; 12] = [
        "教育", "卫生", "交通", "农业", "水利", "环保", "住建", "民政", "财政", "审计", "文旅",
        "应急",
    ];
    let mut out = Vec::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        let line = format!(
            "　　{}部门要认真贯彻落实党中央国务院决策部署，切实加强组织领导，健全工作机制，\
             推动第{i}项重点任务落地见效，确保按期取得实际成果并及时报告进展情况。\n",
            SUBJECTS[i % SUBJECTS.len()]
        );
        let (encoded, _, _) = encoding_rs::GBK.encode(&line);
        out.extend_from_slice(&encoded);
        i += 1;
    }
    out
}

fn fixable(dir: &Path, files: usize) {
    for i in 0..files {
        let sub = dir.join(format!("d{:03}", i / 1000));
        if i % 1000 == 0
            && let Err(err) = std::fs::create_dir_all(&sub)
        {
            fail(&format!("{}: {err}", sub.display()));
        }
        write(
            &sub.join(format!("f{i:06}.txt")),
            format!("　　第{i}号文件：今年4月,区行政审批局获杰出项目大奖.\n").as_bytes(),
        );
    }
}

fn copies(dir: &Path, files: usize) {
    const CHARS: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主\
                         发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力";
    let chars: Vec<char> = CHARS.chars().collect();
    let mut rng = rng::Rng::new(13);
    let mut paragraphs = Vec::new();
    let mut size = 0;
    while size < 2_600_000 {
        let paragraph: String = (0..80).map(|_| chars[rng.below(chars.len())]).collect();
        size += paragraph.len() / 3 * 2 + 6;
        paragraphs.push(format!("　　{paragraph}。"));
    }
    if let Err(err) = std::fs::create_dir_all(dir) {
        fail(&format!("{}: {err}", dir.display()));
    }
    let original = paragraphs.join("\n") + "\n";
    write(
        &dir.join("original.txt"),
        &encoding_rs::GBK.encode(&original).0,
    );
    for i in 0..files {
        let copy: String = paragraphs[i * 7 % paragraphs.len()]
            .chars()
            .enumerate()
            .map(|(at, c)| if at == 30 { '变' } else { c })
            .collect();
        write(
            &dir.join(format!("s{i:05}.txt")),
            format!("　　本文件为第{i}号通知。\n{copy}\n").as_bytes(),
        );
    }
}
