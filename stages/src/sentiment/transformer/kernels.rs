//! The encoder's small kernels on plain `f32` rows: layer norm with the residual and bias
//! folded in, the bias plus exact-form GELU, and attention for one sequence. The large
//! matrix products stay with candle (`encoder.rs`); these replace the chain of candle
//! element-wise operations that each allocated and walked a whole tensor.
//!
//! Sums run over 8 lanes at once so that the compiler can use vector instructions (a
//! plain `iter().sum()` of floats must keep its order and stays scalar).

/// Lanes of the partial sums.
const LANES: usize = 8;

/// `Σ a[i]·b[i]`, 8 partial sums (the slices have the same length).
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; LANES];
    let (a8, b8) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for k in 0..LANES {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// `Σ a[i]`, 8 partial sums.
fn sum(a: &[f32]) -> f32 {
    let mut acc = [0.0f32; LANES];
    let a8 = a.chunks_exact(LANES);
    let tail: f32 = a8.remainder().iter().sum();
    for x in a8 {
        for k in 0..LANES {
            acc[k] += x[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// A layer norm's scale and shift.
pub(crate) struct Norm {
    /// Scale per column.
    pub(crate) weight: Vec<f32>,
    /// Shift per column.
    pub(crate) bias: Vec<f32>,
    /// Added to the variance.
    pub(crate) eps: f32,
}

impl Norm {
    /// In place on each row of `x` (rows of `weight.len()`): first `x += bias + residual`
    /// (the dense layer's bias and the residual row, both optional), then the norm.
    pub(crate) fn add_norm(&self, x: &mut [f32], bias: Option<&[f32]>, residual: Option<&[f32]>) {
        let w = self.weight.len();
        for (i, row) in x.chunks_exact_mut(w).enumerate() {
            if let Some(b) = bias {
                row.iter_mut().zip(b).for_each(|(v, b)| *v += b);
            }
            if let Some(r) = residual {
                let r = &r[i * w..(i + 1) * w];
                row.iter_mut().zip(r).for_each(|(v, r)| *v += r);
            }
            let mean = sum(row) / w as f32;
            row.iter_mut().for_each(|v| *v -= mean);
            let var = dot(row, row) / w as f32;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.weight).zip(&self.bias) {
                *v = *v * inv * g + b;
            }
        }
    }
}

/// erf(x) in single precision: a rational approximation on [−4, 4] (odd numerator of
/// degree 13, even denominator of degree 8; beyond ±4 erf is within 2e-8 of ±1), without
/// branches so that a loop over it vectorises. Absolute error below 1e-6 (tested against
/// the series below).
pub(crate) fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = x2 * -2.726_142_3e-10 + 2.770_681_4e-8;
    p = x2 * p + -2.101_024e-6;
    p = x2 * p + -5.692_506_4e-5;
    p = x2 * p + -7.349_906_3e-4;
    p = x2 * p + -2.954_600_1e-3;
    p = x2 * p + -1.609_603_3e-2;
    let mut q = x2 * -1.456_607_2e-5 + -2.133_740_6e-4;
    q = x2 * q + -1.682_827e-3;
    q = x2 * q + -7.373_329e-3;
    q = x2 * q + -1.426_474e-2;
    x * p / q
}

/// In place: `x = gelu(x + bias)` per row (rows of `bias.len()`), GELU in its exact
/// (erf) form as in the base model.
pub(crate) fn bias_gelu(x: &mut [f32], bias: &[f32]) {
    for row in x.chunks_exact_mut(bias.len()) {
        for (v, b) in row.iter_mut().zip(bias) {
            let y = *v + b;
            *v = 0.5 * y * (1.0 + erf(y * std::f32::consts::FRAC_1_SQRT_2));
        }
    }
}

/// In place: `x += bias` per row (rows of `bias.len()`).
pub(crate) fn add_bias(x: &mut [f32], bias: &[f32]) {
    for row in x.chunks_exact_mut(bias.len()) {
        row.iter_mut().zip(bias).for_each(|(v, b)| *v += b);
    }
}

/// Multi-head attention of one sequence. `qkv`: its rows of `3·hidden` (query, key,
/// value, each `heads` heads wide, biases added); `queries`: the rows whose output is
/// wanted (all of them, or the few the last layer keeps). Appends one `hidden`-wide row
/// per query to `out`, heads side by side. `scores` is scratch space.
pub(crate) fn attention(
    qkv: &[f32],
    hidden: usize,
    heads: usize,
    queries: &[usize],
    out: &mut Vec<f32>,
    scores: &mut Vec<f32>,
) {
    let head = hidden / heads;
    let n = qkv.len() / (3 * hidden);
    let scale = 1.0 / (head as f32).sqrt();
    let base = out.len();
    out.resize(base + queries.len() * hidden, 0.0);
    let rows = &mut out[base..];
    for (&i, orow) in queries.iter().zip(rows.chunks_exact_mut(hidden)) {
        let qrow = &qkv[i * 3 * hidden..i * 3 * hidden + hidden];
        for h in 0..heads {
            let cols = h * head..(h + 1) * head;
            let q = &qrow[cols.clone()];
            scores.clear();
            scores.extend(qkv.chunks_exact(3 * hidden).map(|r| {
                let k = &r[hidden + h * head..hidden + (h + 1) * head];
                dot(q, k) * scale
            }));
            let top = scores.iter().copied().fold(f32::MIN, f32::max);
            let mut z = 0.0;
            for s in scores.iter_mut() {
                *s = (*s - top).exp();
                z += *s;
            }
            let o = &mut orow[cols];
            for (r, &w) in qkv.chunks_exact(3 * hidden).zip(scores.iter()).take(n) {
                let v = &r[2 * hidden + h * head..2 * hidden + (h + 1) * head];
                let w = w / z;
                o.iter_mut().zip(v).for_each(|(o, v)| *o += w * v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// erf by its Maclaurin series (|x| ≤ 3) or its asymptotic tail, in f64.
    fn erf_ref(x: f64) -> f64 {
        if x.abs() > 3.0 {
            let t = 1.0 / (x * x);
            let tail = (-x * x).exp() / (x.abs() * std::f64::consts::PI.sqrt())
                * (1.0 - 0.5 * t + 0.75 * t * t - 1.875 * t * t * t);
            return x.signum() * (1.0 - tail);
        }
        let (mut term, mut total) = (x, x);
        for n in 1..200 {
            term *= -x * x / n as f64;
            total += term / (2 * n + 1) as f64;
        }
        total * 2.0 / std::f64::consts::PI.sqrt()
    }

    #[test]
    fn erf_matches_the_series_within_1e_6() {
        for i in -1000..=1000 {
            let x = i as f32 / 100.0;
            let err = (erf(x) as f64 - erf_ref(x as f64)).abs();
            assert!(err < 1e-6, "erf({x}): {} vs {}", erf(x), erf_ref(x as f64));
        }
        assert!((erf(50.0) - 1.0).abs() < 1e-6 && (erf(-50.0) + 1.0).abs() < 1e-6);
        assert!(
            erf(f32::NAN).is_nan(),
            "no input is silently mapped to a number"
        );
    }

    #[test]
    fn dot_and_sum_match_plain_loops_on_odd_lengths() {
        let a: Vec<f32> = (0..21).map(|i| i as f32 * 0.5 - 3.0).collect();
        let b: Vec<f32> = (0..21).map(|i| 1.0 - i as f32 * 0.25).collect();
        let plain: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - plain).abs() < 1e-4);
        assert!((sum(&a) - a.iter().sum::<f32>()).abs() < 1e-4);
    }

    #[test]
    fn add_norm_gives_zero_mean_unit_variance_before_scale() {
        let norm = Norm {
            weight: vec![2.0; 4],
            bias: vec![1.0; 4],
            eps: 0.0,
        };
        let mut x = vec![1.0, 2.0, 3.0, 4.0, 0.0, 0.0, 0.0, 8.0];
        let res = vec![0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        norm.add_norm(&mut x, Some(&[0.5; 4]), Some(&res));
        for row in x.chunks(4) {
            let m: f32 = row.iter().map(|v| (v - 1.0) / 2.0).sum::<f32>() / 4.0;
            let v: f32 = row.iter().map(|v| ((v - 1.0) / 2.0).powi(2)).sum::<f32>() / 4.0;
            assert!(m.abs() < 1e-5 && (v - 1.0).abs() < 1e-4, "{row:?}");
        }
        assert!(x[0] < x[1] && x[7] > x[6], "{x:?}");
    }

    #[test]
    fn attention_with_one_key_returns_its_value_and_equal_keys_average() {
        // hidden 4, 2 heads of 2; row = q(4) k(4) v(4)
        let one = [1.0, 0.0, 0.0, 1.0, 5.0, 5.0, 5.0, 5.0, 1.0, 2.0, 3.0, 4.0];
        let (mut out, mut s) = (Vec::new(), Vec::new());
        attention(&one, 4, 2, &[0], &mut out, &mut s);
        assert_eq!(out, vec![1.0, 2.0, 3.0, 4.0]);
        let mut two = one.to_vec();
        two.extend([0.0, 0.0, 0.0, 0.0, 5.0, 5.0, 5.0, 5.0, 3.0, 0.0, 1.0, 0.0]);
        out.clear();
        attention(&two, 4, 2, &[1], &mut out, &mut s);
        for (o, e) in out.iter().zip([2.0, 1.0, 2.0, 2.0]) {
            assert!((o - e).abs() < 1e-6, "{out:?}");
        }
    }
}
