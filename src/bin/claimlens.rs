//! The claimlens command line: `analyze` one text, `batch` JSONL (the evaluation
//! interface), `bench` the native pipeline.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use rayon::prelude::*;
use serde_json::Value;

#[derive(Parser)]
#[command(
    name = "claimlens",
    version,
    about = "Entities and claims (who said what) in news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one text (a file, or `-` / nothing for stdin) and print the Analysis as JSON.
    Analyze {
        /// Input file; `-` or absent reads stdin.
        file: Option<PathBuf>,
        /// One line instead of pretty-printed JSON.
        #[arg(long)]
        compact: bool,
    },
    /// Read JSONL `{"id", "text"}` on stdin, write JSONL `{"id", ...Analysis}` on stdout, in
    /// input order. A bad line yields `{"id", "error"}` and the run goes on.
    Batch {
        /// Lines analysed together (in parallel) before their results are written.
        #[arg(long, default_value_t = 512)]
        chunk: usize,
    },
    /// Time the native pipeline on a JSONL file of `{"text"}` records.
    Bench {
        /// JSONL file with a "text" field per line.
        file: PathBuf,
        /// Timed runs (after one warm-up run); the median is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze { file, compact } => analyze(file.as_deref(), compact),
        Command::Batch { chunk } => batch(chunk.max(1)),
        Command::Bench { file, runs } => bench(&file, runs.max(1)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimlens: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads a whole input as text; invalid UTF-8 is replaced (with a warning), never fatal.
fn read_input(file: Option<&Path>) -> io::Result<String> {
    let mut bytes = Vec::new();
    match file {
        None => io::stdin().read_to_end(&mut bytes)?,
        Some(p) if p == Path::new("-") => io::stdin().read_to_end(&mut bytes)?,
        Some(p) => std::fs::File::open(p)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?
            .read_to_end(&mut bytes)?,
    };
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("claimlens: input is not valid UTF-8; invalid bytes were replaced by U+FFFD");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

fn analyze(file: Option<&Path>, compact: bool) -> io::Result<()> {
    let text = read_input(file)?;
    let analysis = claimlens::analyze(&text);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if compact {
        serde_json::to_writer(&mut out, &analysis)?;
    } else {
        serde_json::to_writer_pretty(&mut out, &analysis)?;
    }
    writeln!(out)?;
    out.flush()
}

/// One output line for one input line.
fn batch_record(line: &str, number: usize) -> String {
    let error = |id: &Value, msg: String| serde_json::json!({ "id": id, "error": msg }).to_string();
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return error(&Value::Null, format!("line {number}: not JSON: {e}")),
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return error(&id, format!("line {number}: no \"text\" string"));
    };
    match std::panic::catch_unwind(|| claimlens::analyze(text)) {
        Ok(analysis) => match serde_json::to_string(&analysis) {
            // splice the id in front of the analysis' own fields
            Ok(body) => format!("{{\"id\":{},{}", id, &body[1..]),
            Err(e) => error(&id, format!("line {number}: could not serialise: {e}")),
        },
        Err(_) => error(
            &id,
            format!("line {number}: internal error while analysing"),
        ),
    }
}

fn batch(chunk: usize) -> io::Result<()> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(chunk);
    let mut number = 0;
    let mut reader = stdin.lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n > 0 {
            number += 1;
            let line = String::from_utf8_lossy(&buf).trim().to_string();
            if !line.is_empty() {
                lines.push((number, line));
            }
        }
        if lines.len() >= chunk || (n == 0 && !lines.is_empty()) {
            let records: Vec<String> = lines.par_iter().map(|(k, l)| batch_record(l, *k)).collect();
            for r in records {
                out.write_all(r.as_bytes())?;
                out.write_all(b"\n")?;
            }
            lines.clear();
        }
        if n == 0 {
            break;
        }
    }
    out.flush()
}

/// Peak resident memory of this process in kB, where the OS tells it.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn bench(file: &Path, runs: usize) -> io::Result<()> {
    // models and lexicons load on first use: time that once, before anything else
    let start = Instant::now();
    let _ = claimlens::analyze("Mayor Okafor said on Tuesday that the city would act.");
    let first_call = start.elapsed().as_secs_f64();
    let raw = std::fs::read_to_string(file)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(Value::as_str).map(str::to_string))
        .collect();
    if texts.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "no {\"text\"} records in the file",
        ));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let tokens: usize = texts
        .iter()
        .map(|t| claimlens::text::tokenize(t).len())
        .sum();
    println!(
        "model load   {:.1} ms (first analysis in the process: models and lexicons)",
        first_call * 1e3
    );
    let time = |f: &dyn Fn()| {
        f(); // warm-up
        let mut secs: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64()
            })
            .collect();
        secs.sort_by(f64::total_cmp);
        secs[secs.len() / 2]
    };
    let mut mentions = 0;
    let mut claims = 0;
    for t in &texts {
        let a = claimlens::analyze(t);
        mentions += a.mentions.len();
        claims += a.claims.len();
    }
    let one = time(&|| {
        for t in &texts {
            std::hint::black_box(claimlens::analyze(t));
        }
    });
    let par = time(&|| {
        texts.par_iter().for_each(|t| {
            std::hint::black_box(claimlens::analyze(t));
        })
    });
    // the same text as one document: a stage that is not linear in the text shows here
    let joined = texts.join("\n\n");
    let whole = time(&|| {
        std::hint::black_box(claimlens::analyze(&joined));
    });
    let mb = bytes as f64 / 1e6;
    println!(
        "input        {} articles, {:.2} MB, {} tokens ({} mentions, {} claims)",
        texts.len(),
        mb,
        tokens,
        mentions,
        claims
    );
    println!("runs         {runs} timed after 1 warm-up; median reported");
    let threads = format!("{} threads", rayon::current_num_threads());
    for (name, secs) in [
        ("1 thread", one),
        (threads.as_str(), par),
        ("1 document", whole),
    ] {
        println!(
            "{name:<12} {:.1} ms: {:.0} articles/s, {:.1} MB/s, {:.2} M tokens/s",
            secs * 1e3,
            texts.len() as f64 / secs,
            mb / secs,
            tokens as f64 / secs / 1e6
        );
    }
    match peak_memory_kb() {
        Some(kb) => println!(
            "peak memory  {:.1} MB (resident, whole process)",
            kb as f64 / 1024.0
        ),
        None => println!("peak memory  unknown on this OS"),
    }
    Ok(())
}
