//! A set of strings, shared by every uniqueness check (node ids, names,
//! keys), the object builder and the form tree. Written out because std's
//! `HashSet`/`BTreeSet` cost several KB of wasm per key type, and this
//! crate needs only strings.
//!
//! A plain list while the set is small (at most [`SMALL`] strings: three
//! node ids, a webhook's headers), then a hash table, then a balanced tree
//! when the table meets a long probe.
//! The hash is fixed (wasm32-unknown-unknown has no randomness source), so
//! crafted keys can collide: with a plain table (FNV-1a here once) 52,000 of
//! them in one object took seconds. Here no operation on the table looks at
//! more than [`PROBES`] slots; an insert that would, moves the set into an
//! AVL tree of its indexes, which costs at most `log2(n) * 1.44`
//! comparisons per operation for any input (strings ordered by length
//! first, then bytes, so most comparisons end at the length; a comparison
//! reads at most the shorter string). Either way n operations cost at most
//! about `log n` times the size of the keys; honest keys get the table's
//! constant time.

use std::borrow::Cow;
use std::cmp::Ordering;

const NIL: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Link {
    left: u32,
    right: u32,
    height: u8,
}

/// The most slots an operation on the table looks at.
const PROBES: usize = 24;

/// Up to this many items, a set has no table (see `small_get`): 16, not
/// 8, measured on the locator's wanted pointers (an issue and its parents).
const SMALL: usize = 16;

#[derive(Default)]
pub(crate) struct StrSet<'a> {
    items: Vec<Cow<'a, str>>,
    /// The table: item index + 1 in each used slot, 0 in a free one; a
    /// power of two long, at most half used. Empty while the set has at
    /// most [`SMALL`] items, and once the tree took over.
    slots: Vec<u32>,
    /// Each item's hash, parallel to `items` (while the table is used).
    hashes: Vec<u32>,
    /// The farthest any item sits from its hash's slot.
    reach: usize,
    /// Whether the tree took over from the table.
    tree: bool,
    /// The tree over `items`, parallel to it (once `tree`).
    links: Vec<Link>,
    /// None while empty.
    root: Option<u32>,
}

/// A fixed hash, a word at a time (multiply and fold; murmur3's finalizer).
fn hash(s: &str) -> u32 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (s.len() as u64).wrapping_mul(K);
    let mut words = s.as_bytes().chunks_exact(8);
    for w in words.by_ref() {
        h = (h ^ crate::text::word(w)).wrapping_mul(K);
        h ^= h >> 29;
    }
    // The last bytes, in one word as before (no copy of a variable length:
    // a call to memcpy in wasm).
    let tail = words.remainder();
    if !tail.is_empty() {
        let w = tail.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        h = (h ^ w).wrapping_mul(K);
        h ^= h >> 29;
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h as u32
}

/// Length first, then bytes: a total order, cheap when lengths differ.
/// A loop of its own (wasm's `memcmp` is a call, and a slow one, for the
/// short strings compared here: ids, names, keys).
fn order(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    // (An index loop, not `zip`: its generic code is larger in wasm.)
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
        i += 1;
    }
    Ordering::Equal
}

impl<'a> StrSet<'a> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        StrSet {
            items: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            ..StrSet::default()
        }
    }

    /// The slot where the table holds `key` (`Ok`), or the free slot where
    /// it would go (`Err`, with its distance from the first), looking at no
    /// more than `reach` slots for a present key, and [`PROBES`] for a free one.
    fn probe(&self, key: &str, h: u32) -> Result<usize, (usize, usize)> {
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        for d in 0..PROBES + 1 {
            let s = self.slots[at];
            if s == 0 {
                return Err((at, d));
            }
            let i = (s - 1) as usize;
            if d <= self.reach && self.hashes[i] == h && crate::text::same(&self.items[i], key) {
                return Ok(i);
            }
            at = (at + 1) & mask;
        }
        Err((at, PROBES + 1))
    }

    /// Gives free slot `at` (`d` slots past its hash's) to item `i`.
    fn occupy(&mut self, at: usize, d: usize, i: usize) {
        self.slots[at] = i as u32 + 1;
        self.reach = self.reach.max(d);
    }

    /// Leaves the table for the tree (a long probe: crafted keys, most likely).
    #[cold]
    fn leave_table(&mut self) {
        self.tree = true;
        self.slots = Vec::new();
        self.hashes = Vec::new();
        self.links = Vec::with_capacity(self.items.len());
        for new in 0..self.items.len() as u32 {
            self.link(new);
        }
    }

    /// Adds item `new` (the last) to the tree.
    fn link(&mut self, new: u32) {
        self.links.push(Link {
            left: NIL,
            right: NIL,
            height: 1,
        });
        let root = self.root.unwrap_or(NIL);
        self.root = Some(self.put(root, new));
    }

    fn height(&self, t: u32) -> u8 {
        if t == NIL {
            0
        } else {
            self.links[t as usize].height
        }
    }

    fn fix_height(&mut self, t: u32) {
        let l = self.links[t as usize];
        self.links[t as usize].height = 1 + self.height(l.left).max(self.height(l.right));
    }

    /// Rotates `t`'s left child up; returns the new subtree root.
    fn rotate_right(&mut self, t: u32) -> u32 {
        let l = self.links[t as usize].left;
        self.links[t as usize].left = self.links[l as usize].right;
        self.links[l as usize].right = t;
        self.fix_height(t);
        self.fix_height(l);
        l
    }

    fn rotate_left(&mut self, t: u32) -> u32 {
        let r = self.links[t as usize].right;
        self.links[t as usize].right = self.links[r as usize].left;
        self.links[r as usize].left = t;
        self.fix_height(t);
        self.fix_height(r);
        r
    }

    /// Restores the AVL balance at `t` after an insert below it.
    fn balance(&mut self, t: u32) -> u32 {
        self.fix_height(t);
        let Link { left, right, .. } = self.links[t as usize];
        let (hl, hr) = (self.height(left), self.height(right));
        if hl > hr + 1 {
            let ll = self.links[left as usize];
            if self.height(ll.left) < self.height(ll.right) {
                self.links[t as usize].left = self.rotate_left(left);
            }
            return self.rotate_right(t);
        }
        if hr > hl + 1 {
            let rl = self.links[right as usize];
            if self.height(rl.right) < self.height(rl.left) {
                self.links[t as usize].right = self.rotate_right(right);
            }
            return self.rotate_left(t);
        }
        t
    }

    /// Puts item `new` into the subtree at `t` (it is known to be absent);
    /// returns the subtree's new root. Recursion depth is the tree height,
    /// at most about 1.44 log2(n).
    fn put(&mut self, t: u32, new: u32) -> u32 {
        if t == NIL {
            return new;
        }
        let link = self.links[t as usize];
        let go_left = order(&self.items[new as usize], &self.items[t as usize]) == Ordering::Less;
        let child = if go_left { link.left } else { link.right };
        let before = self.height(child);
        let child = self.put(child, new);
        if go_left {
            self.links[t as usize].left = child;
        } else {
            self.links[t as usize].right = child;
        }
        // Most inserts leave the heights above them unchanged: stop there.
        if self.height(child) == before {
            return t;
        }
        self.balance(t)
    }

    /// The index of `key`'s first insertion, if present.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        if self.tree {
            return self.tree_get(key);
        }
        if self.slots.is_empty() {
            return self.small_get(key);
        }
        self.probe(key, hash(key)).ok()
    }

    /// A set of at most [`SMALL`] items has no table yet: it is searched
    /// item by item (most comparisons end at the length), which is cheaper
    /// than hashing the key.
    fn small_get(&self, key: &str) -> Option<usize> {
        self.items.iter().position(|k| crate::text::same(k, key))
    }

    fn tree_get(&self, key: &str) -> Option<usize> {
        let mut t = self.root?;
        while t != NIL {
            t = match order(key, &self.items[t as usize]) {
                Ordering::Less => self.links[t as usize].left,
                Ordering::Greater => self.links[t as usize].right,
                Ordering::Equal => return Some(t as usize),
            };
        }
        None
    }

    /// Adds `key`; `Err(index)` with the index of its first insertion if it
    /// was there already.
    pub(crate) fn insert(&mut self, key: impl Into<Cow<'a, str>>) -> Result<usize, usize> {
        self.insert_cow(key.into())
    }

    /// `insert`'s body, once for every key type (size).
    #[inline(never)]
    fn insert_cow(&mut self, key: Cow<'a, str>) -> Result<usize, usize> {
        let new = self.items.len();
        if !self.tree && self.slots.is_empty() {
            if let Some(i) = self.small_get(&key) {
                return Err(i);
            }
            if new < SMALL {
                self.items.push(key);
                return Ok(new);
            }
            // The table starts: the items so far get their hashes.
            self.hashes.clear();
            for k in &self.items {
                self.hashes.push(hash(k));
            }
        }
        if !self.tree && (new + 1) * 2 > self.slots.len() {
            self.grow();
        }
        if !self.tree {
            let h = hash(&key);
            match self.probe(&key, h) {
                Ok(i) => return Err(i),
                Err((at, d)) if d <= PROBES => {
                    self.occupy(at, d, new);
                    self.items.push(key);
                    self.hashes.push(h);
                    return Ok(new);
                }
                Err(_) => self.leave_table(),
            }
        }
        if let Some(i) = self.tree_get(&key) {
            return Err(i);
        }
        self.items.push(key);
        self.link(new as u32);
        Ok(new)
    }

    /// Doubles the table (or leaves it for the tree).
    #[cold]
    fn grow(&mut self) {
        let want = self.items.capacity().max(self.items.len() + 1) * 2;
        self.slots = vec![0; want.next_power_of_two().max(self.slots.len() * 2).max(16)];
        self.reach = 0;
        // The items are distinct: each probe ends at a free slot, or too far.
        for i in 0..self.items.len() {
            match self.probe(&self.items[i], self.hashes[i]) {
                Err((at, d)) if d <= PROBES => self.occupy(at, d, i),
                _ => return self.leave_table(),
            }
        }
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The indexes of the items in the set's order (length, then bytes:
    /// for decimal numbers without leading zeros, numeric order).
    pub(crate) fn in_order(&self) -> Vec<usize> {
        if !self.tree {
            let mut t = StrSet {
                tree: true,
                ..StrSet::default()
            };
            for k in &self.items {
                let _ = t.insert(&**k);
            }
            return t.in_order();
        }
        let mut out = Vec::with_capacity(self.items.len());
        let mut stack = Vec::new();
        let mut t = self.root.unwrap_or(NIL);
        while t != NIL || !stack.is_empty() {
            while t != NIL {
                stack.push(t);
                t = self.links[t as usize].left;
            }
            if let Some(top) = stack.pop() {
                out.push(top as usize);
                t = self.links[top as usize].right;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_and_find() {
        let mut s = StrSet::default();
        assert!(!s.contains("") && s.get("x").is_none());
        let keys: Vec<String> = (0..1000).map(|i| format!("node-{i}")).collect();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(s.insert(k.as_str()), Ok(i));
        }
        for (i, k) in keys.iter().enumerate() {
            assert!(s.contains(k));
            assert_eq!(s.get(k), Some(i));
            assert_eq!(s.insert(k.as_str()), Err(i));
        }
        assert!(!s.contains("node-1000") && !s.contains(""));
        let sorted: Vec<usize> = s.in_order();
        assert_eq!(sorted.len(), 1000);
        assert_eq!(&sorted[..3], &[0, 1, 2]); // node-0..node-9 are the shortest
        assert_eq!(sorted[10], 10);
        assert_eq!(s.insert(""), Ok(1000));
        assert!(s.contains(""));
        let mut owned = StrSet::with_capacity(2);
        assert_eq!(owned.insert("x-token".to_owned()), Ok(0));
        assert_eq!(owned.insert("X-Token".to_ascii_lowercase()), Err(0));
    }

    /// Every size through the small list's end and the table's start:
    /// what was inserted is found at its index, a repeat is refused with
    /// the first index, and nothing else is found.
    #[test]
    fn small_list_then_table() {
        for n in 0..=2 * SMALL + 1 {
            let mut s = StrSet::default();
            for i in 0..n {
                assert_eq!(s.insert(format!("k{i}")), Ok(i), "size {n}");
            }
            for i in 0..n {
                let k = format!("k{i}");
                assert_eq!(s.get(&k), Some(i), "size {n}");
                assert_eq!(s.insert(k), Err(i), "size {n}");
            }
            assert_eq!(s.get(&format!("k{n}")), None, "size {n}");
            assert!(!s.contains("") && !s.contains("k"));
            let order: Vec<usize> = s.in_order();
            assert_eq!(order.len(), n);
        }
    }

    /// The word-wise order is length, then byte order, for strings that
    /// differ anywhere (first, last, middle byte; across a word boundary).
    #[test]
    fn order_is_length_then_bytes() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "node-9",
            "node-10",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdefghi",
            "abcdefghj",
            "abcdefgxi",
            "é",
            "\u{ff}x",
            "12345678123456781",
            "12345678123456782",
            "02345678123456782",
            "1234567z123456781",
        ];
        for a in words {
            for b in words {
                let want = a.len().cmp(&b.len()).then(a.as_bytes().cmp(b.as_bytes()));
                assert_eq!(order(a, b), want, "{a:?} {b:?}");
            }
        }
    }

    /// Keys that share a slot (found by trying) move the set into the tree
    /// at the first long probe; every key is still found once, in order.
    #[test]
    fn collisions_move_the_set_into_the_tree() {
        let mut same: Vec<String> = Vec::new();
        let want = hash("k0") & 0xFFF;
        for i in 0..400_000 {
            let k = format!("k{i}");
            if hash(&k) & 0xFFF == want {
                same.push(k);
            }
        }
        assert!(same.len() > 2 * PROBES, "{}", same.len());
        let mut s = StrSet::default();
        for (i, k) in same.iter().enumerate() {
            assert_eq!(s.insert(k.as_str()), Ok(i));
            assert_eq!(s.tree, i > PROBES, "{i}");
        }
        for (i, k) in same.iter().enumerate() {
            assert_eq!(s.insert(k.as_str()), Err(i));
            assert_eq!(s.get(k), Some(i));
        }
        assert!(!s.contains("k-absent"));
        let order = s.in_order();
        assert_eq!(order.len(), same.len());
        assert!(order
            .windows(2)
            .all(|w| order_of(&same, w[0], w[1]) == Ordering::Less));
        // A table that grows keeps every key (and its first index).
        let mut t = StrSet::with_capacity(3);
        for i in 0..5000 {
            assert_eq!(t.insert(format!("id-{i}")), Ok(i));
        }
        assert!(!t.tree);
        assert!((0..5000).all(|i| t.get(&format!("id-{i}")) == Some(i)));
        assert_eq!(t.get("id-5000"), None);
    }

    fn order_of(keys: &[String], a: usize, b: usize) -> Ordering {
        order(&keys[a], &keys[b])
    }

    /// Sorted, reversed and shuffled insertions all keep the tree balanced
    /// (height within the AVL bound), and every key is found.
    #[test]
    fn stays_balanced() {
        let n = 20_000usize;
        let bound = (1.45 * ((n + 2) as f64).log2()).ceil() as u8;
        let orders: [Box<dyn Fn(usize) -> usize>; 3] = [
            Box::new(|i| i),
            Box::new(move |i| n - 1 - i),
            Box::new(move |i| (i * 7919) % n),
        ];
        for f in orders {
            let mut s = StrSet {
                tree: true,
                ..StrSet::default()
            };
            for i in 0..n {
                let k = format!("{:08}", f(i));
                assert!(s.insert(k).is_ok());
            }
            assert!(s.height(s.root.unwrap()) <= bound);
            for i in 0..n {
                assert!(s.contains(&format!("{i:08}")));
            }
            assert!(!s.contains("x"));
        }
    }
}
