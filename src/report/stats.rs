//! Order statistics for durations: one definition, the nearest-rank method, used for every
//! median and percentile loket shows.

/// The `p`-th percentile (0–100) of `sorted` (ascending) by the **nearest-rank** method: the
/// value at 1-based rank ⌈p/100 · n⌉, and at least rank 1. It is always one of the observed
/// values, never an interpolation. `None` for no values.
///
/// Examples: of `[1, 2, 3, 4]` the 50th is 2 and the 90th is 4 (⌈3.6⌉ = 4); of ten values the
/// 90th is the 9th smallest; of one value every percentile is that value.
pub fn percentile<T: Copy>(sorted: &[T], p: u32) -> Option<T> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let p = p.min(100) as usize;
    // ⌈p·n/100⌉ in integers, then clamped to 1..=n.
    let rank = (p * n).div_ceil(100).clamp(1, n);
    Some(sorted[rank - 1])
}

/// The median as the 50th percentile by nearest rank (see [`percentile`]): for an even count
/// the lower of the two middle values, so it is a time that was really taken.
pub fn median<T: Copy>(sorted: &[T]) -> Option<T> {
    percentile(sorted, 50)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_has_no_median_or_percentile() {
        assert_eq!(median::<u32>(&[]), None);
        assert_eq!(percentile::<u32>(&[], 90), None);
    }

    #[test]
    fn one_value_is_every_percentile() {
        for p in [0, 1, 50, 90, 100] {
            assert_eq!(percentile(&[7], p), Some(7));
        }
    }

    #[test]
    fn even_count_takes_the_lower_middle() {
        assert_eq!(median(&[1, 2, 3, 4]), Some(2));
        assert_eq!(median(&[1, 2, 3, 4, 5]), Some(3));
        assert_eq!(median(&[10, 20]), Some(10));
    }

    #[test]
    fn p90_edges() {
        let ten: Vec<u32> = (1..=10).collect();
        // ⌈0.9·10⌉ = 9.
        assert_eq!(percentile(&ten, 90), Some(9));
        let eleven: Vec<u32> = (1..=11).collect();
        // ⌈0.9·11⌉ = ⌈9.9⌉ = 10.
        assert_eq!(percentile(&eleven, 90), Some(10));
        // ⌈0.9·9⌉ = ⌈8.1⌉ = 9: the largest.
        let nine: Vec<u32> = (1..=9).collect();
        assert_eq!(percentile(&nine, 90), Some(9));
        // Two values: ⌈1.8⌉ = 2.
        assert_eq!(percentile(&[1, 2], 90), Some(2));
        // 0 is the smallest, 100 the largest, anything above 100 is read as 100.
        assert_eq!(percentile(&ten, 0), Some(1));
        assert_eq!(percentile(&ten, 100), Some(10));
        assert_eq!(percentile(&ten, 250), Some(10));
    }
}
