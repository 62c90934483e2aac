//! A small deterministic random number generator (SplitMix64).
//!
//! Hand-written rather than taken from the `rand` crate, whose streams may
//! change between versions: the same seed must give the same demo data for
//! as long as the data format lasts. Only exact IEEE operations (+ − × ÷ and
//! `sqrt`) are used on floats, so results are the same on every platform.

/// SplitMix64: one 64-bit state, a Weyl sequence passed through a mixer.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// An independent stream for one item of one phase (customer 17, ticket
    /// 4…), so that changing how one phase draws numbers never shifts the
    /// data of another.
    pub fn for_item(seed: u64, phase: u64, index: u64) -> Rng {
        Rng::new(mix(
            seed ^ mix(phase.wrapping_mul(GOLDEN) ^ mix(index.wrapping_add(GOLDEN)))
        ))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// Uniform in `0..n` (0 when `n` is 0), by multiply-shift: no modulo bias
    /// worth speaking of for the small `n` used here.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi` (`lo` when the range is empty).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.saturating_add_unsigned(self.below(span))
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `[lo, hi)`.
    pub fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One item, or `None` from an empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let n = items.len() as u64;
        items.get(self.below(n) as usize)
    }

    /// An index drawn in proportion to `weights` (0 when all are zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut ticket = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            let w = u64::from(*w);
            if ticket < w {
                return i;
            }
            ticket -= w;
        }
        0
    }

    /// An index in `0..n` where small indices are much more likely
    /// (density ∝ x^(-1/3)): a few customers are busy, most are quiet.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        let index = (n as f64 * u * u.sqrt()) as usize;
        index.min(n.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_stream() {
        // Reference values of SplitMix64 from seed 0, so a change to the
        // generator (which would change every demo database) is noticed.
        let mut rng = Rng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn bounds() {
        let mut rng = Rng::new(42);
        for _ in 0..10_000 {
            assert!(rng.below(7) < 7);
            let r = rng.range(-3, 3);
            assert!((-3..=3).contains(&r));
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.skewed(10) < 10);
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.range(5, 5), 5);
        assert_eq!(rng.pick::<u8>(&[]), None);
        assert_eq!(rng.weighted(&[0, 0]), 0);
        assert_eq!(rng.weighted(&[0, 5, 0]), 1);
    }

    #[test]
    fn item_streams_differ() {
        let a = Rng::for_item(1, 2, 3).next_u64();
        assert_ne!(a, Rng::for_item(1, 2, 4).next_u64());
        assert_ne!(a, Rng::for_item(1, 3, 3).next_u64());
        assert_ne!(a, Rng::for_item(2, 2, 3).next_u64());
        assert_eq!(a, Rng::for_item(1, 2, 3).next_u64());
    }
}
