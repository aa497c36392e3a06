//! Reading a file: bytes → text → JSON → validated dataset, each step failing with a plain, located
//! message. Writing is [`Dataset::to_export_json`](super::dataset::Dataset::to_export_json).

use serde_json::Value;

use super::i18n::messages::{Message, MessageText};
use super::validate::{decode_clean, decode_dataset, Decoded, Problem, Snippet};

/// The largest file accepted, in bytes: the rulebook's limit (`model::rules`).
pub use super::rules::MAX_FILE_BYTES;

/// The refusal of a file of `size` bytes when it is over [`MAX_FILE_BYTES`]. The size is a float because
/// the file picker reports it before the file is read.
pub fn check_file_size(size: f64) -> Result<(), Problem> {
    if size > MAX_FILE_BYTES as f64 {
        Err(Problem::error(
            "",
            Message::FileTooLarge {
                bytes: size,
                limit_mb: MAX_FILE_BYTES / 1_048_576,
            },
        ))
    } else {
        Ok(())
    }
}

/// Checks size and encoding and returns the text without a UTF-8 byte-order mark.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, Problem> {
    check_file_size(bytes.len() as f64)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::error("", MessageText::FileUtf16));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let looks_binary = bytes.iter().take(8_192).any(|&b| b == 0);
    if looks_binary {
        return Err(Problem::error("", MessageText::FileNotText));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Problem::error(
            "",
            Message::NotUtf8 {
                byte: offset + 1,
                line,
            },
        )
    })
}

/// Parses JSON text, reporting a syntax error with its line, column and the text around it.
pub fn parse_json(text: &str) -> Result<Value, Problem> {
    serde_json::from_str(text).map_err(|error| locate_syntax_error(text, &error))
}

fn locate_syntax_error(text: &str, error: &serde_json::Error) -> Problem {
    let (line, column) = (error.line(), error.column());
    if text.trim().is_empty() {
        return Problem::error("", MessageText::FileEmpty);
    }
    let source_line = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let chars: Vec<char> = source_line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let from = at.saturating_sub(30);
    let to = (at + 30).min(chars.len());
    // serde_json appends " at line L column C" to its description; the location is given separately.
    let raw = error.to_string();
    let detail = raw.split(" at line ").next().unwrap_or(&raw);
    let mut problem = Problem::error(
        format!("line {line}, column {column}"),
        Message::Syntax {
            detail,
            line,
            column,
        },
    );
    problem.snippet = Some(Snippet {
        text: chars[from..to].iter().collect(),
        caret: at - from,
    });
    problem
}

/// The whole reading pipeline for text: parse, then validate. A file without a single problem takes
/// the fast path ([`decode_clean`]: straight from text to dataset, about twice as fast); any other file
/// goes through the JSON tree, whose validation finds and locates every problem.
pub fn read_dataset_text(text: &str) -> Result<Decoded, Vec<Problem>> {
    if let Some(dataset) = decode_clean(text) {
        return Ok(Decoded {
            dataset,
            warnings: Vec::new(),
        });
    }
    let value = parse_json(text).map_err(|problem| vec![problem])?;
    decode_dataset(&value)
}

/// The whole reading pipeline for a file's bytes.
pub fn read_dataset_bytes(bytes: &[u8]) -> Result<Decoded, Vec<Problem>> {
    let text = text_from_bytes(bytes).map_err(|problem| vec![problem])?;
    read_dataset_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column_with_a_snippet() {
        let problem =
            parse_json("{\n  \"title\": \"x\",\n  \"activities\": [1,, 2]\n}").unwrap_err();
        assert_eq!(problem.path, "line 3, column 20");
        assert_eq!(
            problem.message,
            "This is not valid JSON: expected value at line 3, column 20"
        );
        // The whole offending line fits in the excerpt; the caret sits under the second comma.
        assert_eq!(
            problem.snippet,
            Some(Snippet {
                text: "  \"activities\": [1,, 2]".to_string(),
                caret: 19,
            })
        );

        // On a long line the excerpt keeps 30 characters either side of the column.
        let long = format!("[{}x{}]", "1, ".repeat(40), ", 1".repeat(40));
        let snippet = parse_json(&long).unwrap_err().snippet.expect("a snippet");
        let expected = format!("{}x{}, ", "1, ".repeat(10), ", 1".repeat(9));
        assert_eq!(snippet.text, expected);
        assert_eq!(snippet.caret, 30);
    }

    #[test]
    fn truncated_and_empty_files() {
        let problem =
            parse_json("{\"format\": \"vientiane-vision\", \"activities\": [").unwrap_err();
        assert!(problem.message.contains("truncated"), "{}", problem.message);
        assert_eq!(parse_json("  ").unwrap_err().message, "The file is empty.");
    }

    #[test]
    fn encodings() {
        assert!(text_from_bytes(b"\xEF\xBB\xBF{}").is_ok_and(|t| t == "{}"));
        assert!(text_from_bytes(b"\xFF\xFE{\x00}\x00")
            .unwrap_err()
            .message
            .contains("UTF-16"));
        assert!(text_from_bytes(b"PK\x03\x04\x00\x00")
            .unwrap_err()
            .message
            .contains("not text"));
        assert!(text_from_bytes(b"{\"t\": \"\xE9\"}")
            .unwrap_err()
            .message
            .contains("byte 8"));
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(text_from_bytes(&big).unwrap_err().message.contains("64 MB"));
    }

    #[test]
    fn deep_nesting_is_refused_without_crashing() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse_json(&deep)
            .unwrap_err()
            .message
            .contains("nested too deeply"));
    }
}
