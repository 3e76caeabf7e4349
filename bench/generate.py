"""Benchmark: batched generation on CPU, `summarize`'s path against the naive way and
against the practical limit, measured in the same run.

Workload: 10 articles x 3 sides on a random-weight T5 with t5-small dimensions
(vocab 32128), every output exactly --new-tokens long (min_new_tokens = max_new_tokens).

  (a) naive: per article, load the model, then one ``generate`` per side
  (b) summarize: load once, ``Seq2SeqBackend.summarize`` over all 30 side requests
      (length-bucketed padded batches)
  (c) limit: load once, one padded ``generate`` over all 30 prompts

Prints (b) vs (a) and (b) vs (c) and, with --variants, what each CPU setting gives.
Last line: {"speedup_vs_naive": a/b, "fraction_of_limit": c_gen/b_gen}.

    .venv/bin/python bench/generate.py [--new-tokens 64] [--quantize int8] [--variants]
        [--threads N] [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.backends import Seq2SeqBackend, SideRequest  # noqa: E402
from summarize.read import read_source  # noqa: E402
from summarize.records import (  # noqa: E402
    AttributedPassage,
    Grouping,
    Profile,
    Stakeholder,
)
from summarize.segment import segment  # noqa: E402

T5_SMALL = {"d_model": 512, "d_ff": 2048, "d_kv": 64, "num_layers": 6, "num_heads": 8}
VOCAB = 32128
ARTICLES = 10
SIDES = ("side-a", "side-b", "side-c")
# Long enough that no side is chunked: every approach generates for the same prompts.
INPUT_LIMIT = 4096


def corpus_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    for folder in (shared, ROOT / "examples"):
        files = sorted(folder.glob("*.txt"))
        if files:
            return files
    raise SystemExit("no articles found")


def build_model(folder: Path, texts: list[str]) -> None:
    """Random T5 at t5-small size; a Unigram tokenizer trained on the articles, padded
    with extra tokens to the model's 32128 ids so that every id decodes."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast, T5Config, T5ForConditionalGeneration

    raw = Tokenizer(models.Unigram())
    raw.pre_tokenizer = pre_tokenizers.Metaspace()
    raw.decoder = decoders.Metaspace()
    trainer = trainers.UnigramTrainer(
        vocab_size=4000, special_tokens=["<pad>", "</s>", "<unk>"], unk_token="<unk>"
    )
    raw.train_from_iterator([line for t in texts for line in t.splitlines()], trainer)
    raw.add_tokens([f"<extra_{i}>" for i in range(VOCAB - raw.get_vocab_size())])
    raw.post_processor = processors.TemplateProcessing(
        single="$A </s>", special_tokens=[("</s>", raw.token_to_id("</s>"))]
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=raw,
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=512,
    )
    torch.manual_seed(0)
    config = T5Config(
        vocab_size=VOCAB, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, **T5_SMALL
    )
    T5ForConditionalGeneration(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def workload() -> list[SideRequest]:
    """10 articles x 3 sides: body passages dealt to the sides by paragraph (two deals
    per article), so each side is a realistic share of real article text."""
    profile = Profile("bench", tuple(Stakeholder(s, f"Side {s[-1].upper()}") for s in SIDES))
    requests: list[SideRequest] = []
    files = corpus_files()
    for n in range(ARTICLES):
        source = read_source(str(files[n % len(files)]))
        shift = n // len(files)
        passages = tuple(
            AttributedPassage(
                p, SIDES[(p.paragraph + shift) % 3] if p.kind == "body" else None, 1.0, "bench"
            )
            for p in segment(source)
        )
        grouping = Grouping(source, profile, passages)
        requests += [SideRequest(grouping, s, 60) for s in profile.stakeholders]
    return requests


# Wall time by default; --clock cpu uses this process's CPU time, which other people's
# jobs on a shared machine disturb far less (use it with --threads 1: idle OpenMP
# threads spin and would bill their waiting as CPU time).
clock: Callable[[], float] = time.perf_counter


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = clock()
    result = action()
    return clock() - started, result


def naive(folder: Path, prompts: list[list[str]], new_tokens: int) -> float:
    """(a): per article, load model and tokenizer, then one generate per side."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    started = clock()
    for article in prompts:
        tokenizer = AutoTokenizer.from_pretrained(folder)
        model = AutoModelForSeq2SeqLM.from_pretrained(folder, use_safetensors=True).eval()
        for prompt in article:
            encoded = tokenizer(prompt, return_tensors="pt")
            with torch.inference_mode():
                output = model.generate(
                    **encoded,
                    do_sample=False,
                    num_beams=1,
                    max_new_tokens=new_tokens,
                    min_new_tokens=new_tokens,
                )
            tokenizer.decode(output[0], skip_special_tokens=True)
    return clock() - started


def limit(backend: Seq2SeqBackend, prompts: list[str]) -> tuple[float, list[str]]:
    """(c): one padded generate over every prompt."""
    import torch

    tokenizer, model = backend.tokenizer, backend.model
    started = clock()
    encoded = tokenizer(prompts, return_tensors="pt", padding=True)
    with torch.inference_mode():
        output = model.generate(**encoded, generation_config=backend.generation_config())
    texts = [" ".join(t.split()) for t in tokenizer.batch_decode(output, skip_special_tokens=True)]
    return clock() - started, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--quantize", choices=["int8"], default=None)
    parser.add_argument("--variants", action="store_true", help="also time CPU settings")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    default_threads = torch.get_num_threads()
    requests = workload()
    with tempfile.TemporaryDirectory(prefix="bench-t5-small-") as tmp:
        folder = Path(tmp)
        build_model(folder, sorted({r.grouping.source.text for r in requests}))
        options: dict[str, Any] = {
            "max_new_tokens": args.new_tokens,
            "min_new_tokens": args.new_tokens,
            "max_input_tokens": INPUT_LIMIT,
            "batch_size": args.batch_size,
            "device": "cpu",
            "threads": args.threads,
            "quantize": args.quantize,
        }

        def summarize_path(
            encoder_tokens: int | None = None, **changes: Any
        ) -> tuple[float, float, Seq2SeqBackend, list[str]]:
            load_s, backend = timed(lambda: Seq2SeqBackend(str(folder), **{**options, **changes}))
            if encoder_tokens is not None:
                backend.encoder_batch_tokens = encoder_tokens
            gen_s, texts = timed(lambda: backend.summarize(requests))
            torch.set_num_threads(default_threads)  # a variant may have changed it
            return load_s, gen_s, backend, texts

        load_b, gen_b, backend, texts_b = summarize_path()
        prompts = [backend._renderer(r)([ap.passage.text for ap in r.passages]) for r in requests]
        lengths = [backend.count(p) for p in prompts]
        print(
            f"workload: {ARTICLES} articles x {len(SIDES)} sides, prompts {min(lengths)}-"
            f"{max(lengths)} tokens (mean {sum(lengths) / len(lengths):.0f}), "
            f"{args.new_tokens} new tokens each, torch threads {torch.get_num_threads()}, "
            f"{args.clock} clock" + (f", quantize {args.quantize}" if args.quantize else "")
        )
        gen_c, texts_c = limit(backend, prompts)
        total_b, total_c = load_b + gen_b, load_b + gen_c
        per_article = [prompts[i : i + len(SIDES)] for i in range(0, len(prompts), len(SIDES))]
        total_a = naive(folder, per_article, args.new_tokens)
        print(f"(a) naive, load per article, generate per side: {total_a:7.2f} s")
        print(
            f"(b) summarize: load {load_b:.2f} s + summarize {gen_b:.2f} s "
            f"({backend.generate_calls} generate calls):      {total_b:7.2f} s"
        )
        print(
            f"(c) limit: load {load_b:.2f} s + one padded generate {gen_c:.2f} s: {total_c:7.2f} s"
        )
        print(f"(b) vs (a): {total_a / total_b:.2f}x faster")
        print(
            f"(b) vs (c): generation {gen_c / gen_b:.1%} of the limit "
            f"(with load: {total_c / total_b:.1%}); same texts: {texts_b == texts_c}"
        )
        if args.variants:
            base = gen_b
            variants: tuple[tuple[str, dict[str, Any]], ...] = (
                ("encoder not micro-batched", {"encoder_tokens": 10**9}),
                ("encoder micro-batch 4096 tok", {"encoder_tokens": 4096}),
                ("no length bucketing", {"bucket": False}),
                ("batch size 8", {"batch_size": 8}),
                ("batch size 32 (one batch)", {"batch_size": 32}),
                (
                    f"{3 - min(default_threads, 2)} thread(s)",
                    {"threads": 3 - min(default_threads, 2)},
                ),
                ("dynamic int8 quantisation", {"quantize": "int8"}),
            )
            for label, changes in variants:
                _, gen_v, _, _ = summarize_path(**changes)
                print(
                    f"variant {label:28s}: summarize {gen_v:6.2f} s "
                    f"({base / gen_v:.2f}x the default's speed)"
                )
        print(
            json.dumps(
                {
                    "speedup_vs_naive": round(total_a / total_b, 2),
                    "fraction_of_limit": round(gen_c / gen_b, 3),
                }
            )
        )


if __name__ == "__main__":
    main()
