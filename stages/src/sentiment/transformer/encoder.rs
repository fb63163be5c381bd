//! The BERT encoder (all-MiniLM-L6-v2's shape) for many sequences at once, on candle
//! tensors, without padding: the tokens of all sequences are stacked into one
//! `(tokens, HIDDEN)` matrix, so every dense layer is one large matrix product, and
//! attention runs per group of sequences of equal length (the targets of one sentence).
//! The last layer computes only the rows the head reads (`keep`): its keys and values need
//! every token, its queries, output and feed-forward part only those rows.
//!
//! The same arithmetic as Hugging Face's `BertModel` (post-norm layers, exact GELU,
//! layer-norm ε 1e-12), which `train.py` fine-tunes.

use candle_core::{Device, Module, Result, Tensor};
use candle_nn::{ops, Linear, VarBuilder};

/// Width of the encoder's vectors.
pub(crate) const HIDDEN: usize = 384;
/// Attention heads per layer.
const HEADS: usize = 12;
/// Width of one head.
const HEAD: usize = HIDDEN / HEADS;
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

/// A layer norm's scale and shift.
struct Norm {
    weight: Tensor,
    bias: Tensor,
}

impl Norm {
    fn load(vb: VarBuilder) -> Result<Norm> {
        Ok(Norm {
            weight: vb.get(HIDDEN, "weight")?,
            bias: vb.get(HIDDEN, "bias")?,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        ops::layer_norm(x, &self.weight, &self.bias, EPS)
    }
}

/// A dense layer `(out, in)` plus bias.
fn linear(vb: VarBuilder, inp: usize, out: usize) -> Result<Linear> {
    Ok(Linear::new(
        vb.get((out, inp), "weight")?,
        Some(vb.get(out, "bias")?),
    ))
}

/// One transformer layer, query, key and value fused into one product.
struct Layer {
    qkv: Linear,
    out: Linear,
    norm1: Norm,
    up: Linear,
    down: Linear,
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
        let qkv = Linear::new(
            Tensor::cat(&[&q.0, &k.0, &v.0], 0)?,
            Some(Tensor::cat(&[&q.1, &k.1, &v.1], 0)?),
        );
        Ok(Layer {
            qkv,
            out: linear(att.pp("output").pp("dense"), HIDDEN, HIDDEN)?,
            norm1: Norm::load(att.pp("output").pp("LayerNorm"))?,
            up: linear(vb.pp("intermediate").pp("dense"), HIDDEN, INTER)?,
            down: linear(vb.pp("output").pp("dense"), INTER, HIDDEN)?,
            norm2: Norm::load(vb.pp("output").pp("LayerNorm"))?,
        })
    }

    /// `x`: `(tokens, HIDDEN)` of sequences of the lengths in `lens`. With `keep`, only
    /// those rows (indices into `x`, per sequence in order) come out.
    fn forward(&self, x: &Tensor, lens: &[usize], keep: Option<&[Vec<u32>]>) -> Result<Tensor> {
        let qkv = self.qkv.forward(x)?;
        let scale = 1.0 / (HEAD as f64).sqrt();
        let mut ctx = Vec::new();
        let mut start = 0;
        match keep {
            None => {
                // sequences of equal length side by side: one batched attention
                for group in lens.chunk_by(|a, b| a == b) {
                    let (b, n) = (group.len(), group[0]);
                    let rows = qkv
                        .narrow(0, start, b * n)?
                        .reshape((b, n, 3, HEADS, HEAD))?;
                    let part = |i: usize| rows.narrow(2, i, 1)?.squeeze(2)?.transpose(1, 2);
                    let (q, k, v) = (part(0)?.contiguous()?, part(1)?, part(2)?.contiguous()?);
                    let k = k.contiguous()?;
                    let w = ops::softmax_last_dim(&(q.matmul(&k.t()?)? * scale)?)?;
                    let c = w.matmul(&v)?.transpose(1, 2)?.reshape((b * n, HIDDEN))?;
                    ctx.push(c);
                    start += b * n;
                }
            }
            Some(keep) => {
                for (&n, rows_kept) in lens.iter().zip(keep) {
                    let rows = qkv.narrow(0, start, n)?.reshape((n, 3, HEADS, HEAD))?;
                    let idx = Tensor::from_slice(rows_kept, rows_kept.len(), x.device())?;
                    let q = rows.narrow(1, 0, 1)?.squeeze(1)?.contiguous()?;
                    let q = q.index_select(&idx, 0)?;
                    let part = |i: usize| rows.narrow(1, i, 1)?.squeeze(1)?.transpose(0, 1);
                    let q = q.transpose(0, 1)?.contiguous()?;
                    let (k, v) = (part(1)?.contiguous()?, part(2)?.contiguous()?);
                    let w = ops::softmax_last_dim(&(q.matmul(&k.t()?)? * scale)?)?;
                    let c = w.matmul(&v)?.transpose(0, 1)?;
                    ctx.push(c.reshape((rows_kept.len(), HIDDEN))?);
                    start += n;
                }
            }
        }
        let ctx = Tensor::cat(&ctx, 0)?;
        let residual = match keep {
            None => x.clone(),
            Some(keep) => {
                let mut all = Vec::new();
                let mut offset = 0u32;
                for (&n, k) in lens.iter().zip(keep) {
                    all.extend(k.iter().map(|&r| r + offset));
                    offset += n as u32;
                }
                x.index_select(&Tensor::from_slice(&all, all.len(), x.device())?, 0)?
            }
        };
        let h = self.norm1.forward(&(self.out.forward(&ctx)? + residual)?)?;
        let up = self.up.forward(&h)?.gelu_erf()?;
        self.norm2.forward(&(self.down.forward(&up)? + h)?)
    }
}

/// The encoder's weights, in f32.
pub(crate) struct Encoder {
    words: Tensor,
    positions: Tensor,
    /// The token-type-0 vector (every token is of type 0).
    type0: Tensor,
    norm: Norm,
    layers: Vec<Layer>,
}

impl Encoder {
    /// Loads the weights under the Hugging Face `BertModel` names (no prefix).
    pub(crate) fn load(vb: VarBuilder) -> Result<Encoder> {
        let emb = vb.pp("embeddings");
        let types = emb.get((2, HIDDEN), "token_type_embeddings.weight")?;
        Ok(Encoder {
            words: emb.get((VOCAB, HIDDEN), "word_embeddings.weight")?,
            positions: emb.get((MAX_POSITIONS, HIDDEN), "position_embeddings.weight")?,
            type0: types.get(0)?,
            norm: Norm::load(emb.pp("LayerNorm"))?,
            layers: (0..LAYERS)
                .map(|i| Layer::load(vb.pp("encoder").pp("layer").pp(i)))
                .collect::<Result<_>>()?,
        })
    }

    /// Encodes `seqs` (token ids, each at most [`MAX_POSITIONS`] long) and returns the
    /// last layer's vectors of the rows `keep[i]` of each sequence `i`, stacked in order:
    /// `(Σ keep[i].len(), HIDDEN)`.
    pub(crate) fn forward(&self, seqs: &[&[u32]], keep: &[Vec<u32>]) -> Result<Tensor> {
        let dev = &Device::Cpu;
        let ids: Vec<u32> = seqs.iter().flat_map(|s| s.iter().copied()).collect();
        let pos: Vec<u32> = seqs.iter().flat_map(|s| 0..s.len() as u32).collect();
        let lens: Vec<usize> = seqs.iter().map(|s| s.len()).collect();
        let ids = Tensor::from_vec(ids, lens.iter().sum::<usize>(), dev)?;
        let pos = Tensor::from_vec(pos, ids.dims1()?, dev)?;
        let x = (self.words.index_select(&ids, 0)? + self.positions.index_select(&pos, 0)?)?;
        let mut x = self.norm.forward(&x.broadcast_add(&self.type0)?)?;
        for (i, layer) in self.layers.iter().enumerate() {
            let last = i + 1 == self.layers.len();
            x = layer.forward(&x, &lens, last.then_some(keep))?;
        }
        Ok(x)
    }
}
