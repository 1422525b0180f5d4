//! The command line as the evaluation drives it: `batch` keeps input order, turns bad lines
//! into error records and carries only records on stdout.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &[u8]) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("input is written");
    let out = child.wait_with_output().expect("the binary finishes");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn batch_keeps_order_and_reports_bad_lines() {
    let mut input = String::new();
    for k in 0..40 {
        input.push_str(&format!(
            "{{\"id\": \"doc{k}\", \"text\": \"Smith said {k} people came.\", \"extra\": 1}}\n"
        ));
    }
    input.push_str("this is not json\n");
    input.push_str("{\"id\": 7, \"body\": \"no text field\"}\n");
    input.push('\n');
    input.push_str("{\"id\": \"last\", \"text\": \"\"}\n");
    let (stdout, _stderr, ok) = run(&["batch", "--chunk", "7"], input.as_bytes());
    assert!(ok);
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is a JSON record"))
        .collect();
    assert_eq!(records.len(), 43, "one record per non-empty input line");
    for (k, r) in records.iter().take(40).enumerate() {
        assert_eq!(r["id"], format!("doc{k}"));
        assert!(r["mentions"].is_array() && r["claims"].is_array());
    }
    assert!(records[40]["error"]
        .as_str()
        .is_some_and(|e| e.contains("not JSON")));
    assert_eq!(records[41]["id"], 7);
    assert!(records[41]["error"]
        .as_str()
        .is_some_and(|e| e.contains("text")));
    assert_eq!(records[42]["id"], "last");
    assert_eq!(records[42]["length"], 0);
}

#[test]
fn analyze_reads_stdin_and_survives_junk() {
    let (stdout, stderr, ok) = run(&["analyze", "-"], b"\xff\xfe junk \x00 bytes \xc3");
    assert!(ok);
    assert!(stderr.contains("not valid UTF-8"));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON analysis");
    assert_eq!(v["version"], claimlens::schema::SCHEMA_VERSION);
}

#[test]
fn analyze_reports_a_missing_file() {
    let (_, stderr, ok) = run(&["analyze", "/no/such/file.txt"], b"");
    assert!(!ok);
    assert!(stderr.contains("/no/such/file.txt"));
}
