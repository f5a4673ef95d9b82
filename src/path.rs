//! Paths into a value: the keys and indexes from the root to a field, and
//! their RFC 6901 pointer. The lowest layer with [`crate::value`]: the
//! JSON reader, the issues and the rules all speak of places this way.

use serde::{Deserialize, Serialize};

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

impl From<&str> for PathSegment {
    fn from(s: &str) -> Self {
        PathSegment::Key(s.to_owned())
    }
}
impl From<usize> for PathSegment {
    fn from(i: usize) -> Self {
        PathSegment::Index(i)
    }
}

/// Room a path's text needs, about: each key and two bytes, or four for
/// an index (its pointer and its display name start with it).
pub(crate) fn room(path: &[PathSegment]) -> usize {
    let mut n = 0;
    for seg in path {
        n += match seg {
            PathSegment::Key(k) => k.len() + 2,
            PathSegment::Index(_) => 4,
        };
    }
    n
}

/// RFC 6901 pointer of a path (`~` as `~0`, `/` as `~1`).
pub fn pointer(path: &[PathSegment]) -> String {
    let mut out = String::with_capacity(room(path));
    for seg in path {
        out.push('/');
        match seg {
            PathSegment::Index(i) => crate::text::push_uint(&mut out, *i),
            // (`find_any`, a plain loop: `bytes().any` is generic code of its own in wasm.)
            PathSegment::Key(k) if crate::text::find_any(k, b"~/").is_none() => out.push_str(k),
            PathSegment::Key(k) => {
                for c in k.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
        }
    }
    out
}
