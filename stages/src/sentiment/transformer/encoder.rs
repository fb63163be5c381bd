//! The BERT encoder (all-MiniLM-L6-v2's shape) for many sequences at once, without
//! padding: the tokens of all sequences are stacked into one `(tokens, HIDDEN)` matrix of
//! plain `f32` rows, so every dense layer is one large matrix product (candle's, on
//! tensors built over those rows), and attention, biases, GELU and the layer norms run
//! per row in `kernels.rs`, each fused into one pass. The last layer computes only the
//! rows the head reads (`keep`): its keys and values need every token, its queries,
//! output and feed-forward part only those rows.
//!
//! The same arithmetic as Hugging Face's `BertModel` (post-norm layers, exact GELU,
//! layer-norm ε 1e-12), which `train.py` fine-tunes, up to the order of float sums and an
//! erf accurate to 1e-6.

use candle_core::{Device, Error, Result, Tensor};
use candle_nn::VarBuilder;

use super::kernels::{self, Norm};

/// Width of the encoder's vectors.
pub(crate) const HIDDEN: usize = 384;
/// Attention heads per layer.
const HEADS: usize = 12;
/// Width of the feed-forward part.
const INTER: usize = 1536;
/// Encoder layers.
const LAYERS: usize = 6;
/// Vocabulary size of the tokenizer.
const VOCAB: usize = 30522;
/// Longest sequence the position table covers.
pub(crate) const MAX_POSITIONS: usize = 512;
/// Layer-norm ε of the base model.
const EPS: f32 = 1e-12;

/// A tensor's values, row-major.
fn values(t: &Tensor) -> Result<Vec<f32>> {
    t.flatten_all()?.to_vec1::<f32>()
}

/// A layer norm's scale and shift under `vb`.
fn norm(vb: VarBuilder) -> Result<Norm> {
    Ok(Norm {
        weight: values(&vb.get(HIDDEN, "weight")?)?,
        bias: values(&vb.get(HIDDEN, "bias")?)?,
        eps: EPS,
    })
}

/// A dense layer: its weight as `(in, out)` (the transpose of the stored `(out, in)`),
/// ready to multiply rows by, and its bias, added by the caller's fused kernel.
struct Dense {
    weight: Tensor,
    bias: Vec<f32>,
}

impl Dense {
    /// From the stored `(out, in)` weight and its bias.
    fn new(weight: &Tensor, bias: &Tensor) -> Result<Dense> {
        Ok(Dense {
            weight: weight.t()?.contiguous()?,
            bias: values(bias)?,
        })
    }

    fn load(vb: VarBuilder, inp: usize, out: usize) -> Result<Dense> {
        Dense::new(&vb.get((out, inp), "weight")?, &vb.get(out, "bias")?)
    }

    /// `x · weight` for `x` of rows of `in` values (bias not added).
    fn product(&self, x: Vec<f32>) -> Result<Vec<f32>> {
        let inp = self.weight.dims2()?.0;
        let rows = x.len() / inp;
        values(&Tensor::from_vec(x, (rows, inp), &Device::Cpu)?.matmul(&self.weight)?)
    }
}

/// One transformer layer, query, key and value fused into one product.
struct Layer {
    qkv: Dense,
    out: Dense,
    norm1: Norm,
    up: Dense,
    down: Dense,
    norm2: Norm,
}

impl Layer {
    fn load(vb: VarBuilder) -> Result<Layer> {
        let att = vb.pp("attention");
        let get = |name: &str| -> Result<(Tensor, Tensor)> {
            let v = att.pp("self").pp(name);
            Ok((v.get((HIDDEN, HIDDEN), "weight")?, v.get(HIDDEN, "bias")?))
        };
        let (q, k, v) = (get("query")?, get("key")?, get("value")?);
        let qkv = Dense::new(
            &Tensor::cat(&[&q.0, &k.0, &v.0], 0)?,
            &Tensor::cat(&[&q.1, &k.1, &v.1], 0)?,
        )?;
        Ok(Layer {
            qkv,
            out: Dense::load(att.pp("output").pp("dense"), HIDDEN, HIDDEN)?,
            norm1: norm(att.pp("output").pp("LayerNorm"))?,
            up: Dense::load(vb.pp("intermediate").pp("dense"), HIDDEN, INTER)?,
            down: Dense::load(vb.pp("output").pp("dense"), INTER, HIDDEN)?,
            norm2: norm(vb.pp("output").pp("LayerNorm"))?,
        })
    }

    /// `x`: rows of `HIDDEN` of sequences of the lengths in `lens`. With `keep`, only
    /// those rows (indices per sequence, in order) come out.
    fn forward(&self, x: &[f32], lens: &[usize], keep: Option<&[Vec<u32>]>) -> Result<Vec<f32>> {
        let mut qkv = self.qkv.product(x.to_vec())?;
        kernels::add_bias(&mut qkv, &self.qkv.bias);
        let mut ctx = Vec::with_capacity(x.len());
        let mut kept = Vec::new();
        let (mut scores, mut queries) = (Vec::new(), Vec::new());
        let mut start = 0;
        for (s, &n) in lens.iter().enumerate() {
            let seq = qkv
                .get(start * 3 * HIDDEN..(start + n) * 3 * HIDDEN)
                .ok_or_else(|| Error::Msg("sequence lengths exceed the batch".into()))?;
            queries.clear();
            match keep.and_then(|k| k.get(s)) {
                None => queries.extend(0..n),
                Some(rows) => {
                    queries.extend(rows.iter().map(|&r| r as usize));
                    if queries.iter().any(|&r| r >= n) {
                        return Err(Error::Msg("a kept row is past its sequence".into()));
                    }
                    for &r in &queries {
                        kept.extend_from_slice(&x[(start + r) * HIDDEN..(start + r + 1) * HIDDEN]);
                    }
                }
            }
            kernels::attention(seq, HIDDEN, HEADS, &queries, &mut ctx, &mut scores);
            start += n;
        }
        let residual = if keep.is_some() { &kept[..] } else { x };
        let mut h = self.out.product(ctx)?;
        self.norm1
            .add_norm(&mut h, Some(&self.out.bias), Some(residual));
        let mut up = self.up.product(h.clone())?;
        kernels::bias_gelu(&mut up, &self.up.bias);
        let mut down = self.down.product(up)?;
        self.norm2
            .add_norm(&mut down, Some(&self.down.bias), Some(&h));
        Ok(down)
    }
}

/// The encoder's weights, in f32.
pub(crate) struct Encoder {
    /// `VOCAB` rows of `HIDDEN`.
    words: Vec<f32>,
    /// `MAX_POSITIONS` rows of `HIDDEN`.
    positions: Vec<f32>,
    /// The embeddings' norm; its input gets the token-type-0 vector added (every token is
    /// of type 0).
    norm: Norm,
    type0: Vec<f32>,
    layers: Vec<Layer>,
}

impl Encoder {
    /// Loads the weights under the Hugging Face `BertModel` names (no prefix).
    pub(crate) fn load(vb: VarBuilder) -> Result<Encoder> {
        let emb = vb.pp("embeddings");
        let types = emb.get((2, HIDDEN), "token_type_embeddings.weight")?;
        Ok(Encoder {
            words: values(&emb.get((VOCAB, HIDDEN), "word_embeddings.weight")?)?,
            positions: values(&emb.get((MAX_POSITIONS, HIDDEN), "position_embeddings.weight")?)?,
            type0: values(&types.get(0)?)?,
            norm: norm(emb.pp("LayerNorm"))?,
            layers: (0..LAYERS)
                .map(|i| Layer::load(vb.pp("encoder").pp("layer").pp(i)))
                .collect::<Result<_>>()?,
        })
    }

    /// Encodes `seqs` (token ids, each at most [`MAX_POSITIONS`] long) and returns the
    /// last layer's vectors of the rows `keep[i]` of each sequence `i`, stacked in order:
    /// `Σ keep[i].len()` rows of `HIDDEN` values.
    pub(crate) fn forward(&self, seqs: &[&[u32]], keep: &[Vec<u32>]) -> Result<Vec<f32>> {
        let lens: Vec<usize> = seqs.iter().map(|s| s.len()).collect();
        let mut x = Vec::with_capacity(lens.iter().sum::<usize>() * HIDDEN);
        fn row(table: &[f32], i: usize) -> Option<&[f32]> {
            table.get(i * HIDDEN..(i + 1) * HIDDEN)
        }
        for s in seqs {
            for (p, &id) in s.iter().enumerate() {
                let (Some(w), Some(q)) = (row(&self.words, id as usize), row(&self.positions, p))
                else {
                    return Err(Error::Msg(format!("token {id} at {p} is out of range")));
                };
                x.extend(w.iter().zip(q).map(|(a, b)| a + b));
            }
        }
        self.norm.add_norm(&mut x, Some(&self.type0), None);
        for (i, layer) in self.layers.iter().enumerate() {
            let last = i + 1 == self.layers.len();
            x = layer.forward(&x, &lens, last.then_some(keep))?;
        }
        Ok(x)
    }
}
