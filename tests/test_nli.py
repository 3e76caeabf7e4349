"""The NLI layer with a tiny random BERT built here (real transformers loading, safetensors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import ModelError
from summarize.faithfulness import score_sentence
from summarize.nli import NLIJudge

from .evalcase import grouping

LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}


def _tiny_nli(folder: Path, favour: int | None, id2label: dict[int, str] = LABELS) -> Path:
    """A 1-layer BERT classifier; ``favour`` gets a large classifier bias so the
    (otherwise random) model reliably picks that label."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    torch.manual_seed(0)
    tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    trainer = trainers.WordLevelTrainer(special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]"])
    corpus = ["Bob denied the claims of abuse.", "Alice said the council must allow it."]
    tok.train_from_iterator(corpus, trainer)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
    )
    config = BertConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=128,
        num_labels=len(id2label),
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    model = BertForSequenceClassification(config)
    if favour is not None:
        with torch.no_grad():
            model.classifier.bias.zero_()
            model.classifier.bias[favour] = 20.0
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def contradicting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_nli(tmp_path_factory.mktemp("nli-contra"), favour=2)


@pytest.fixture(scope="session")
def entailing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_nli(tmp_path_factory.mktemp("nli-entail"), favour=0)


def test_judge_reads_labels_from_the_config(contradicting: Path) -> None:
    judge = NLIJudge(str(contradicting))
    assert (judge.entailment, judge.contradiction) == (0, 2)
    j = judge.judge("Bob denied the claims of abuse.", "Bob admitted the claims.")
    assert j.contradiction > 0.99 and j.entailment < 0.01
    assert judge.judge("Bob denied it.", "Bob admitted it.") == judge.judge(
        "Bob denied it.", "Bob admitted it."
    )


def test_an_nli_contradiction_makes_a_supported_sentence_contradicted(contradicting: Path) -> None:
    g = grouping()
    sentence = "Bob denied the claims of abuse."
    assert score_sentence(sentence, g, "b").verdict == "supported"
    v = score_sentence(sentence, g, "b", nli=NLIJudge(str(contradicting)))
    assert v.verdict == "contradicted"
    assert [p.kind for p in v.problems] == ["negation"]
    assert "NLI" in v.problems[0].detail


def test_an_nli_entailment_lifts_a_weakly_supported_sentence(entailing: Path) -> None:
    g = grouping()
    # bob, reject, accus, abus, prison: s3 holds bob, abus -> 2/5 = 0.4, below 0.5
    sentence = "Bob rejected accusations of abuse in prisons."
    plain = score_sentence(sentence, g, "b")
    assert (plain.verdict, plain.support[0].score) == ("unsupported", 0.4)
    assert score_sentence(sentence, g, "b", nli=NLIJudge(str(entailing))).verdict == "supported"


def test_models_without_nli_labels_or_files_are_refused(tmp_path: Path) -> None:
    odd = _tiny_nli(tmp_path / "odd", None, {0: "LABEL_0", 1: "LABEL_1"})
    with pytest.raises(ModelError, match="no single 'entail' label"):
        NLIJudge(str(odd))
    with pytest.raises(ModelError, match="cannot load the NLI model"):
        NLIJudge(str(tmp_path))
