//! `govlint signatures`: what the duplicate search needs of every paragraph, written as
//! Parquet for a search on many machines (`spark/`). Beside them, each file as the cache
//! keeps it, so that govlint can judge the pairs found elsewhere exactly as `govlint check`
//! judges its own.
//!
//! | file | one row per | columns |
//! |---|---|---|
//! | `units/part-NNNNN.parquet` | duplicate unit (a paragraph long enough to matter) | `file`, `unit` (its index in the file), `key_high`/`key_low` (the 128-bit hash of its normalized text: equal for exact copies), `length` (UTF-16 units of the normalized text), `label_chars` (the enumerator's characters left out of it), `text` (the normalized text), `query`, `index`, `index_counts`, `query_edits`, `index_edits` (what the near search joins on and counts with, `dedup::near::SearchKeys`, in one order counted over all units signed; empty for a unit too short or too long for the near search) |
//! | `files/part-NNNNN.parquet` | file | `file`, `path`, `entry` (the file as the cache keeps it, postcard: per-file findings, units, suppression comments) |
//! | `manifest.json` | | the settings the search must use, and the counts |
//!
//! Files are numbered in path order, the order of a `govlint check` run; each partition holds
//! a run of files, so that a reader can read the partitions in parallel.

use crate::dedup::{self, At, RawPair, near};
use crate::linter::cache::Entry;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::Field;
use parquet::schema::parser::parse_message_type;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

const UNITS_SCHEMA: &str = "
message unit {
  required int32 file;
  required int32 unit;
  required int64 key_high;
  required int64 key_low;
  required int32 length;
  required int32 label_chars;
  required binary text (STRING);
  required group query (LIST) {
    repeated group list {
      required int32 element;
    }
  }
  required group index (LIST) {
    repeated group list {
      required int32 element;
    }
  }
  required group index_counts (LIST) {
    repeated group list {
      required int32 element;
    }
  }
  required int32 query_edits;
  required int32 index_edits;
}";

const FILES_SCHEMA: &str = "
message file {
  required int32 file;
  required binary path (STRING);
  required binary entry;
}";

/// The near pairs a search elsewhere writes into `DIR/pairs/` (any number of files): units
/// as (file, unit) numbers of the signatures, and their similarity.
pub const PAIRS_SCHEMA: &str = "
message pair {
  required int32 file_a;
  required int32 unit_a;
  required int32 file_b;
  required int32 unit_b;
  required double similarity;
}";

/// Units per partition when the command line does not say.
const UNITS_PER_PARTITION: usize = 500_000;

/// What the search elsewhere must know: govlint's settings for duplicates, and the counts.
#[derive(Serialize, serde::Deserialize)]
pub struct Manifest {
    pub govlint: String,
    pub files: usize,
    pub units: usize,
    pub partitions: usize,
    /// `repository` or `file`: whether copies are looked for across files.
    pub scope: String,
    pub threshold: f64,
    pub exact_min_chars: usize,
    pub near_min_chars: usize,
    /// The length (UTF-16 units, with the enumerator's characters up to
    /// `label_allowance`) below which a unit is not searched for near copies.
    pub near_search_min: usize,
    pub near_max_chars: usize,
    pub common_files: usize,
}

/// Writes the signatures of `entries` (in path order) into `dir`, which must be empty or
/// new; `partitions` of 0 chooses by size.
pub fn write(
    dir: &Path,
    entries: &[Entry],
    settings: &dedup::Settings,
    partitions: usize,
) -> Result<Manifest, Box<dyn std::error::Error + Send + Sync>> {
    let units: usize = entries.iter().map(|entry| entry.units.units.len()).sum();
    let partitions = match partitions {
        0 => units.div_ceil(UNITS_PER_PARTITION).max(1),
        n => n,
    }
    .min(entries.len().max(1));
    std::fs::create_dir_all(dir.join("units"))?;
    std::fs::create_dir_all(dir.join("files"))?;
    // One order for every unit searched, counted over all of them, as `check` counts.
    let searched: Vec<&[u16]> = entries
        .iter()
        .flat_map(|entry| {
            let units = &entry.units;
            units.units.iter().filter_map(move |u| {
                let chars = units.chars_of(u);
                searched(chars, u.label_chars, settings).then_some(chars)
            })
        })
        .collect();
    let order = near::SearchOrder::new(
        &searched,
        settings.threshold,
        dedup::near_search_min(settings),
    );
    let per_partition = entries.len().div_ceil(partitions).max(1);
    for (partition, chunk) in entries.chunks(per_partition).enumerate() {
        let first = partition * per_partition;
        let name = format!("part-{partition:05}.parquet");
        write_units(
            &dir.join("units").join(&name),
            first,
            chunk,
            settings,
            order.as_ref(),
        )?;
        write_files(&dir.join("files").join(&name), first, chunk)?;
    }
    let manifest = Manifest {
        govlint: env!("CARGO_PKG_VERSION").to_string(),
        files: entries.len(),
        units,
        partitions: entries.len().div_ceil(per_partition),
        scope: match settings.scope {
            dedup::Scope::File => "file",
            _ => "repository",
        }
        .to_string(),
        threshold: settings.threshold,
        exact_min_chars: settings.exact_min_chars,
        near_min_chars: settings.near_min_chars,
        near_search_min: dedup::near_search_min(settings),
        near_max_chars: dedup::NEAR_MAX_CHARS,
        common_files: settings.common_files,
    };
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;
    Ok(manifest)
}

fn properties() -> Arc<WriterProperties> {
    Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    )
}

/// Whether the near search looks at a unit, as `check`'s does.
fn searched(chars: &[u16], label_chars: u8, settings: &dedup::Settings) -> bool {
    chars.len() <= dedup::NEAR_MAX_CHARS
        && chars.len() + usize::from(label_chars).min(dedup::LABEL_ALLOWANCE)
            >= settings.near_min_chars
}

/// A list column being built: its values, and per value (or per empty list) its levels.
#[derive(Default)]
struct ListColumn {
    values: Vec<i32>,
    definition: Vec<i16>,
    repetition: Vec<i16>,
}

impl ListColumn {
    fn push(&mut self, list: impl IntoIterator<Item = i32>) {
        let before = self.values.len();
        for (k, value) in list.into_iter().enumerate() {
            self.values.push(value);
            self.definition.push(1);
            self.repetition.push(i16::from(k > 0));
        }
        if self.values.len() == before {
            self.definition.push(0);
            self.repetition.push(0);
        }
    }
}

/// The units of the files of one partition, `first` the number of the first file.
fn write_units(
    path: &Path,
    first: usize,
    entries: &[Entry],
    settings: &dedup::Settings,
    order: Option<&near::SearchOrder>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (mut file, mut unit, mut high, mut low, mut length, mut label) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut query_edits, mut index_edits) = (vec![], vec![]);
    let mut text: Vec<ByteArray> = Vec::new();
    let (mut query, mut index, mut index_counts) = (
        ListColumn::default(),
        ListColumn::default(),
        ListColumn::default(),
    );
    for (offset, entry) in entries.iter().enumerate() {
        let units = &entry.units;
        for (number, u) in units.units.iter().enumerate() {
            let chars = units.chars_of(u);
            file.push(to_i32(first + offset));
            unit.push(to_i32(number));
            high.push((u.key >> 64) as u64 as i64);
            low.push(u.key as u64 as i64);
            length.push(to_i32(chars.len()));
            label.push(i32::from(u.label_chars));
            text.push(ByteArray::from(
                String::from_utf16_lossy(chars).into_bytes(),
            ));
            let keys = order
                .filter(|_| searched(chars, u.label_chars, settings))
                .map(|order| order.keys(chars));
            let keys = keys.as_ref();
            // Buckets are below 2^32 and read back as the same bits.
            query.push(
                keys.into_iter()
                    .flat_map(|k| k.query.iter().map(|&b| b as i32)),
            );
            index.push(
                keys.into_iter()
                    .flat_map(|k| k.index.iter().map(|&(b, _)| b as i32)),
            );
            index_counts.push(
                keys.into_iter()
                    .flat_map(|k| k.index.iter().map(|&(_, n)| to_i32(n as usize))),
            );
            query_edits.push(keys.map_or(0, |k| to_i32(k.query_edits as usize)));
            index_edits.push(keys.map_or(0, |k| to_i32(k.index_edits as usize)));
        }
    }
    let columns = [
        Column::Int32(&file),
        Column::Int32(&unit),
        Column::Int64(&high),
        Column::Int64(&low),
        Column::Int32(&length),
        Column::Int32(&label),
        Column::Text(&text),
        Column::List(&query),
        Column::List(&index),
        Column::List(&index_counts),
        Column::Int32(&query_edits),
        Column::Int32(&index_edits),
    ];
    let schema = Arc::new(parse_message_type(UNITS_SCHEMA)?);
    let mut writer = SerializedFileWriter::new(std::fs::File::create(path)?, schema, properties())?;
    let mut group = writer.next_row_group()?;
    for column in columns {
        let Some(mut writer) = group.next_column()? else {
            return Err("the schema has fewer columns than written".into());
        };
        match column {
            Column::Int32(values) => {
                writer
                    .typed::<Int32Type>()
                    .write_batch(values, None, None)?;
            }
            Column::Int64(values) => {
                writer
                    .typed::<Int64Type>()
                    .write_batch(values, None, None)?;
            }
            Column::Text(values) => {
                writer
                    .typed::<ByteArrayType>()
                    .write_batch(values, None, None)?;
            }
            Column::List(list) => {
                writer.typed::<Int32Type>().write_batch(
                    &list.values,
                    Some(&list.definition),
                    Some(&list.repetition),
                )?;
            }
        }
        writer.close()?;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

/// One column of the units, in the schema's order.
enum Column<'a> {
    Int32(&'a [i32]),
    Int64(&'a [i64]),
    Text(&'a [ByteArray]),
    List(&'a ListColumn),
}

/// The files of one partition, each as the cache keeps it.
fn write_files(
    path: &Path,
    first: usize,
    entries: &[Entry],
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let numbers: Vec<i32> = (0..entries.len()).map(|i| to_i32(first + i)).collect();
    let paths: Vec<ByteArray> = entries
        .iter()
        .map(|entry| ByteArray::from(entry.path.as_bytes().to_vec()))
        .collect();
    let mut blobs = Vec::with_capacity(entries.len());
    for entry in entries {
        blobs.push(ByteArray::from(postcard::to_stdvec(entry)?));
    }
    let schema = Arc::new(parse_message_type(FILES_SCHEMA)?);
    let mut writer = SerializedFileWriter::new(std::fs::File::create(path)?, schema, properties())?;
    let mut group = writer.next_row_group()?;
    let mut column = 0;
    while let Some(mut writer) = group.next_column()? {
        match column {
            0 => writer
                .typed::<Int32Type>()
                .write_batch(&numbers, None, None)?,
            1 => writer
                .typed::<ByteArrayType>()
                .write_batch(&paths, None, None)?,
            _ => writer
                .typed::<ByteArrayType>()
                .write_batch(&blobs, None, None)?,
        };
        writer.close()?;
        column += 1;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// What `govlint signatures` wrote into `dir`, with the pairs a search elsewhere added
/// (`DIR/pairs/*.parquet`, none when it is absent): the files in path order.
pub fn read(dir: &Path) -> Result<(Manifest, Vec<Entry>, Vec<RawPair>), Failure> {
    let manifest_path = dir.join("manifest.json");
    let bytes = std::fs::read(&manifest_path)
        .map_err(|error| format!("{}: {error}", crate::input::walk::display(&manifest_path)))?;
    let manifest: Manifest = serde_json::from_slice(&bytes)
        .map_err(|error| format!("{}: {error}", crate::input::walk::display(&manifest_path)))?;
    if manifest.govlint != env!("CARGO_PKG_VERSION") {
        return Err(format!(
            "written by govlint {}, read by govlint {}: write them again",
            manifest.govlint,
            env!("CARGO_PKG_VERSION")
        )
        .into());
    }
    let mut numbered: Vec<(i32, Entry)> = Vec::new();
    for path in parquet_files(&dir.join("files"))? {
        for row in rows(&path)? {
            let mut number = None;
            let mut entry = None;
            for (name, field) in row.get_column_iter() {
                match (name.as_str(), field) {
                    ("file", Field::Int(n)) => number = Some(*n),
                    ("entry", Field::Bytes(bytes)) => {
                        entry = Some(postcard::from_bytes::<Entry>(bytes.data())?);
                    }
                    _ => {}
                }
            }
            match (number, entry) {
                (Some(number), Some(entry)) => numbered.push((number, entry)),
                _ => return Err(format!("{}: a row without file or entry", path.display()).into()),
            }
        }
    }
    numbered.sort_by_key(|(number, _)| *number);
    if numbered
        .iter()
        .enumerate()
        .any(|(i, (n, _))| *n as usize != i)
    {
        return Err("the files' numbers are not 0, 1, 2…: a partition is missing".into());
    }
    let entries: Vec<Entry> = numbered.into_iter().map(|(_, entry)| entry).collect();
    let mut pairs = Vec::new();
    let pairs_dir = dir.join("pairs");
    if pairs_dir.is_dir() {
        for path in parquet_files(&pairs_dir)? {
            for row in rows(&path)? {
                let mut values = [0i32; 4];
                let mut similarity = None;
                for (name, field) in row.get_column_iter() {
                    let slot = ["file_a", "unit_a", "file_b", "unit_b"]
                        .iter()
                        .position(|n| n == name);
                    match (slot, field) {
                        (Some(slot), Field::Int(n)) => values[slot] = *n,
                        (None, Field::Double(s)) if name == "similarity" => similarity = Some(*s),
                        _ => {}
                    }
                }
                let known = |file: i32, unit: i32| {
                    let units = entries.get(usize::try_from(file).ok()?)?.units.units.len();
                    (usize::try_from(unit).ok()? < units).then(|| At::new(file as u32, unit as u32))
                };
                let (Some(a), Some(b), Some(similarity)) = (
                    known(values[0], values[1]),
                    known(values[2], values[3]),
                    similarity,
                ) else {
                    return Err(format!(
                        "{}: a pair names no unit of the signatures",
                        path.display()
                    )
                    .into());
                };
                pairs.push((a.min(b), a.max(b), similarity));
            }
        }
    }
    pairs.sort_by_key(|x| (x.1, x.0));
    pairs.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    Ok((manifest, entries, pairs))
}

/// The `.parquet` files of a directory, by name (Spark writes `part-*.parquet` and markers).
fn parquet_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, Failure> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "parquet"))
        .collect();
    files.sort();
    Ok(files)
}

fn rows(path: &Path) -> Result<Vec<parquet::record::Row>, Failure> {
    let reader = SerializedFileReader::new(std::fs::File::open(path)?)?;
    let rows = reader.get_row_iter(None)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Counts of files and units fit in 32 bits: a file has fewer than 4 GiB.
fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
