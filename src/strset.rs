//! A set of strings with O(1) insert and lookup: one small open-addressing
//! table of indexes, shared by every uniqueness check (node ids, names,
//! keys) and by the object builder. Written out because std's `HashSet`
//! costs several KB of wasm per key type, and this crate needs only strings.
//!
//! The hash is FNV-1a. Like std's SipHash on wasm32-unknown-unknown (which
//! has no randomness source, so its keys are fixed), it is not secret;
//! crafted collisions could make probing slow, bounded by the 10,000-item
//! limit per array.

use std::borrow::Cow;

#[derive(Default)]
pub(crate) struct StrSet<'a> {
    items: Vec<Cow<'a, str>>,
    /// 0 = empty; otherwise 1 + index into `items`.
    slots: Vec<u32>,
}

fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl<'a> StrSet<'a> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        let mut set = StrSet {
            items: Vec::with_capacity(n),
            slots: Vec::new(),
        };
        set.grow_to((n * 2).next_power_of_two().max(16));
        set
    }

    fn grow_to(&mut self, size: usize) {
        self.slots = vec![0; size];
        let mask = size - 1;
        for (i, item) in self.items.iter().enumerate() {
            let mut at = hash(item) as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = i as u32 + 1;
        }
    }

    /// The slot where `key` is, or where it would go.
    fn probe(&self, key: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash(key) as usize & mask;
        loop {
            match self.slots[at] {
                0 => return at,
                i if self.items[i as usize - 1] == key => return at,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Adds `key`; `Err(index)` with the index of its first insertion if it
    /// was there already.
    pub(crate) fn insert(&mut self, key: impl Into<Cow<'a, str>>) -> Result<usize, usize> {
        if self.slots.is_empty() {
            self.grow_to(16);
        }
        let key = key.into();
        let at = self.probe(&key);
        if self.slots[at] != 0 {
            return Err(self.slots[at] as usize - 1);
        }
        self.items.push(key);
        self.slots[at] = self.items.len() as u32;
        if self.items.len() * 2 > self.slots.len() {
            self.grow_to(self.slots.len() * 2);
        }
        Ok(self.items.len() - 1)
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        !self.slots.is_empty() && self.slots[self.probe(key)] != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_and_find() {
        let mut s = StrSet::default();
        let keys: Vec<String> = (0..1000).map(|i| format!("node-{i}")).collect();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(s.insert(k.as_str()), Ok(i));
        }
        for (i, k) in keys.iter().enumerate() {
            assert!(s.contains(k));
            assert_eq!(s.insert(k.as_str()), Err(i));
        }
        assert!(!s.contains("node-1000") && !s.contains(""));
        assert_eq!(s.insert(""), Ok(1000));
        assert!(s.contains(""));
        let mut owned = StrSet::with_capacity(2);
        assert_eq!(owned.insert("x-token".to_owned()), Ok(0));
        assert_eq!(owned.insert("X-Token".to_ascii_lowercase()), Err(0));
    }
}
