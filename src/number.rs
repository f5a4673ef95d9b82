//! Numbers kept as they were written.
//!
//! A number from JSON text (or from a JavaScript object, which reaches the
//! core through `JSON.stringify`, itself the shortest round-trip form) keeps
//! its text and is written back verbatim, so pass-through data never
//! changes, not even by one unit in the last place. Rules read a number
//! only to compare it with zero, which this module does exactly from the
//! text, with the rounding of an IEEE double (as `JSON.parse` reads it):
//! `1e-400` is zero, `1e400` is not finite. No float parsing or formatting
//! code is needed for that in the wasm.

use std::cmp::Ordering;

/// A JSON number as written, or a non-finite value from JavaScript.
#[derive(Debug, Clone)]
pub struct Number(Repr);

#[derive(Debug, Clone)]
enum Repr {
    /// An integer (from JSON text, or given as a whole `f64` below 2^53).
    Int(i64),
    /// JSON number text (RFC 8259 grammar), kept verbatim.
    Text(Box<str>),
    /// NaN or an infinity: only from JavaScript, or a Rust `f64`.
    NonFinite(f64),
}

/// How a number reads as a double, sign aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Magnitude {
    /// Zero, or so small that it rounds to zero (`1e-400`).
    Zero,
    /// A finite number that is not zero.
    Finite,
    /// Past the largest double (`1e400`), an infinity, or NaN.
    NotFinite,
}

impl Number {
    /// A number from valid JSON number text (not checked here: the parser
    /// and the form reader give only valid text).
    pub(crate) fn from_json_text(text: &str) -> Number {
        Number(Repr::Text(text.into()))
    }

    pub(crate) fn from_i64(n: i64) -> Number {
        Number(Repr::Int(n))
    }

    /// A non-finite value (NaN, ±Infinity) from JavaScript.
    pub(crate) fn non_finite(f: f64) -> Number {
        Number(Repr::NonFinite(f))
    }

    /// A number from JSON text, if `text` is exactly one JSON number.
    pub fn parse(text: &str) -> Option<Number> {
        is_json_number(text).then(|| Number::from_json_text(text))
    }

    /// The number as a double, correctly rounded (as `JSON.parse` reads it).
    pub fn as_f64(&self) -> f64 {
        match &self.0 {
            Repr::Int(n) => *n as f64,
            Repr::Text(t) => t.parse().unwrap_or(f64::NAN),
            Repr::NonFinite(f) => *f,
        }
    }

    /// The number's JSON text (None for NaN and the infinities).
    pub fn json_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match &self.0 {
            Repr::Int(n) => Some(crate::text::decimal(*n < 0, n.unsigned_abs()).into()),
            Repr::Text(t) => Some((**t).into()),
            Repr::NonFinite(_) => None,
        }
    }

    /// A whole number that fits `usize` (an array index), written as one.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn as_index(&self) -> Option<usize> {
        match &self.0 {
            Repr::Int(n) => usize::try_from(*n).ok(),
            _ => None,
        }
    }

    /// True if written with a minus sign (`-0` included).
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Int(n) => *n < 0,
            Repr::Text(t) => t.as_bytes().first() == Some(&b'-'),
            Repr::NonFinite(f) => f.is_sign_negative(),
        }
    }

    pub fn is_nan(&self) -> bool {
        matches!(self.0, Repr::NonFinite(f) if f.is_nan())
    }

    /// True for a JSON number whose double is finite.
    pub fn is_finite(&self) -> bool {
        self.magnitude() != Magnitude::NotFinite
    }

    /// Zero, finite or not, as the number's double would be.
    pub fn magnitude(&self) -> Magnitude {
        match &self.0 {
            Repr::Int(0) => Magnitude::Zero,
            Repr::Int(_) => Magnitude::Finite,
            Repr::NonFinite(_) => Magnitude::NotFinite,
            Repr::Text(t) => text_magnitude(t),
        }
    }

    /// The number as a person reads it in a message: its text, shortened
    /// past 40 characters.
    pub(crate) fn display(&self) -> String {
        match self.json_text() {
            None if self.is_nan() => "NaN".into(),
            None if self.is_negative() => "-Infinity".into(),
            None => "Infinity".into(),
            Some(t) if t.len() > 40 => crate::text::cat(&[t.get(..40).unwrap_or(&t), "…"]),
            Some(t) => t.into_owned(),
        }
    }
}

impl From<f64> for Number {
    /// Whole numbers below 2^53 as integers; other finite numbers in the
    /// shortest form that reads back the same (ryu, through serde_json).
    fn from(n: f64) -> Number {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if !n.is_finite() {
            Number(Repr::NonFinite(n))
        } else if n.fract() == 0.0 && n.abs() < EXACT && !(n == 0.0 && n.is_sign_negative()) {
            Number(Repr::Int(n as i64))
        } else if n == 0.0 {
            Number::from_json_text("-0.0")
        } else {
            Number::from_json_text(&shortest(n))
        }
    }
}

/// The shortest text that reads back as `n` (finite, not zero): ryu,
/// through serde_json.
#[cfg(not(target_arch = "wasm32"))]
fn shortest(n: f64) -> String {
    serde_json::Number::from_f64(n)
        .map(|x| x.to_string())
        .unwrap_or_default()
}

/// In the wasm, JavaScript's own `Number.prototype.toString` (the shortest
/// round-trip form, as `JSON.stringify` writes it): ryu's tables would add
/// KBs to a module where numbers keep their text and this is never needed
/// on the normal paths.
#[cfg(target_arch = "wasm32")]
fn shortest(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .ok()
        .map(String::from)
        .unwrap_or_default()
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        Number(Repr::Int(n))
    }
}

impl PartialEq for Number {
    /// The same number: equal decimal values (`1.50 == 1.5`, `-0 == 0`);
    /// NaN equals nothing, as in IEEE.
    fn eq(&self, other: &Number) -> bool {
        match (&self.0, &other.0) {
            (Repr::Int(a), Repr::Int(b)) => a == b,
            (Repr::NonFinite(a), Repr::NonFinite(b)) => a == b,
            (Repr::NonFinite(_), _) | (_, Repr::NonFinite(_)) => false,
            _ => match (self.json_text(), other.json_text()) {
                (Some(a), Some(b)) => a == b || Decimal::of(&a) == Decimal::of(&b),
                _ => false,
            },
        }
    }
}

/// True if `t` is exactly one number in RFC 8259's grammar.
pub(crate) fn is_json_number(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// A decimal as `0.d1d2d3... × 10^exp` with `d1` non-zero and no trailing
/// zeros in the digits; zero has no digits (and no sign).
#[derive(PartialEq, Eq, Debug)]
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exp: i64,
}

impl Decimal {
    fn of(t: &str) -> Decimal {
        let (negative, body) = match crate::text::strip_byte(t, b'-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (mantissa, e) = match crate::text::find_any(body, b"eE") {
            Some(i) => crate::text::split_at_byte(body, i),
            None => (body, "0"),
        };
        // The exponent, saturated: past ±10^15 nothing changes the outcome.
        let (eneg, edigits) = match e.as_bytes().first() {
            Some(b'-') => (true, crate::text::part(e, 1, crate::text::END)),
            Some(b'+') => (false, crate::text::part(e, 1, crate::text::END)),
            _ => (false, e),
        };
        let mut exp: i64 = 0;
        for d in edigits.bytes() {
            exp = (exp * 10 + i64::from(d - b'0')).min(1_000_000_000_000_000);
        }
        if eneg {
            exp = -exp;
        }
        let (int, frac) = crate::text::find_any(mantissa, b".")
            .map_or((mantissa, ""), |i| crate::text::split_at_byte(mantissa, i));
        let all = int.bytes().chain(frac.bytes());
        let mut digits: Vec<u8> = Vec::new();
        let mut lead = 0i64; // zeros before the first significant digit
        for d in all {
            if digits.is_empty() && d == b'0' {
                lead += 1;
            } else {
                digits.push(d - b'0');
            }
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.is_empty() {
            return Decimal {
                negative: false,
                digits,
                exp: 0,
            };
        }
        Decimal {
            negative,
            digits,
            exp: int.len() as i64 - lead + exp,
        }
    }
}

/// The decimal digits of `start × mul^times` (most significant first).
fn digits_of_power(start: u64, mul: u32, times: u32) -> Vec<u8> {
    // The digits of `start`, least significant first.
    let mut little = Vec::new();
    let mut n = start;
    loop {
        little.push((n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in 0..times {
        let mut carry = 0u32;
        for d in little.iter_mut() {
            let v = u32::from(*d) * mul + carry;
            *d = (v % 10) as u8;
            carry = v / 10;
        }
        while carry > 0 {
            little.push((carry % 10) as u8);
            carry /= 10;
        }
    }
    little.reverse();
    while little.last() == Some(&0) {
        little.pop();
    }
    little
}

pub(crate) fn text_magnitude(t: &str) -> Magnitude {
    let d = Decimal::of(t);
    if d.digits.is_empty() {
        return Magnitude::Zero;
    }
    // The value is 0.d1d2... × 10^exp, so d1.d2... × 10^(exp - 1).
    let sci = d.exp - 1;
    // Half the smallest subnormal, 2^-1075 = 5^1075 × 10^-1075
    // = 2.4703...e-324: at or below it, a double rounds to zero (a tie
    // goes to the even neighbour, zero).
    if sci < -324 {
        return Magnitude::Zero;
    }
    if sci == -324 && d.digits.cmp(&digits_of_power(5, 5, 1074)) != Ordering::Greater {
        return Magnitude::Zero;
    }
    // Halfway between the largest double and 2^1024, 2^970 × (2^54 - 1)
    // = 1.7976931348623158e308: at or above it, a double is infinite.
    if sci > 308 {
        return Magnitude::NotFinite;
    }
    if sci == 308 && d.digits.cmp(&digits_of_power((1 << 54) - 1, 2, 970)) != Ordering::Less {
        return Magnitude::NotFinite;
    }
    Magnitude::Finite
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_follow_double_rounding() {
        let m = |t: &str| Number::from_json_text(t).magnitude();
        for zero in [
            "0",
            "-0",
            "0.000",
            "0e5",
            "1e-400",
            "2e-324",
            "2.4703282292062327e-324",
            "-1e-325",
        ] {
            assert_eq!(m(zero), Magnitude::Zero, "{zero}");
            assert_eq!(zero.parse::<f64>().unwrap(), 0.0, "{zero}");
        }
        for finite in [
            "5e-324",
            "2.4703282292062328e-324",
            "1",
            "-1.5",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "0.00001e-300",
        ] {
            assert_eq!(m(finite), Magnitude::Finite, "{finite}");
            let f: f64 = finite.parse().unwrap();
            assert!(f.is_finite() && f != 0.0, "{finite}");
        }
        for inf in [
            "1e400",
            "1.7976931348623159e308",
            "-2e308",
            "17976931348623159e292",
            "1e1000000000000000000000",
        ] {
            assert_eq!(m(inf), Magnitude::NotFinite, "{inf}");
            assert!(inf.parse::<f64>().unwrap().is_infinite(), "{inf}");
        }
        // The exact ties: 2^-1075 rounds to zero, the midpoint below 2^1024 to infinity.
        let tie_low = format!(
            "0.{}",
            digits_of_power(5, 5, 1074)
                .iter()
                .map(|d| (b'0' + d) as char)
                .collect::<String>()
        );
        assert_eq!(m(&format!("{tie_low}e-323")), Magnitude::Zero);
        assert_eq!(m(&format!("{tie_low}1e-323")), Magnitude::Finite);
        let tie_high: String = digits_of_power((1 << 54) - 1, 2, 970)
            .iter()
            .map(|d| (b'0' + d) as char)
            .collect();
        assert_eq!(tie_high.len(), 309);
        assert_eq!(m(&tie_high), Magnitude::NotFinite);
        assert_eq!(m(&format!("{}.9", &tie_high[..308])), Magnitude::Finite);
    }

    #[test]
    fn equality_is_decimal() {
        let n = Number::from_json_text;
        assert_eq!(n("1.50"), n("1.5"));
        assert_eq!(n("1e2"), Number::from_i64(100));
        assert_eq!(n("-0"), Number::from_i64(0));
        assert_eq!(n("0.0e7"), n("0"));
        assert_ne!(n("1.5"), n("-1.5"));
        assert_ne!(n("0.1"), n("0.10000000000000001"));
        assert_ne!(Number::non_finite(f64::NAN), Number::non_finite(f64::NAN));
    }

    #[test]
    fn grammar() {
        for ok in [
            "0",
            "-0",
            "1.5",
            "1e5",
            "1E+5",
            "-0.0e-0",
            "123456789012345678901234567890",
        ] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "1e+", "+1", "0x10", "1 ", "NaN", "--1",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }

    #[test]
    fn from_f64_round_trips() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            6.7e25,
            123456789012345680000.0,
            5e-324,
            f64::MAX,
        ] {
            let n = Number::from(f);
            assert_eq!(n.as_f64().to_bits(), f.to_bits(), "{f}");
        }
    }
}
