"""Speed gates change no reading (speed pass of session 12): a frame tried
only where the sentence holds one of its words reads what it read when
tried on every sentence. Sentences written for these tests."""

from claimscope import actors
from claimscope.actors import find_actors, find_roles
from claimscope.knowledge import as_knowledge
from claimscope.sentences import sentence_words

from builtin_knowledge import bind

find_roles = bind(find_roles)
find_actors = bind(find_actors)

SENTENCES = [
    "Government jets struck a market in a district held by the Islamic State group, killing four traders.",
    "Fighting between Kurdish forces and Turkish-backed factions left two shepherds dead near Manbij.",
    "Shells fell on a square where Turkish forces are building a new outpost, the monitor reported.",
    "The raid gave a pretext for Russia to bomb the hills west of Jisr al-Shughur.",
    "SDF-controlled villages east of the river came under artillery fire from the Syrian army.",
    "The Syrian army took control of the crossing after ISIS fighters withdrew toward the desert.",
    "Russian warplanes hit rebel positions in the south of Idlib on Monday.",
]


def test_holder_frames_read_the_same_with_and_without_their_word_gates():
    know = as_knowledge(None)
    p, g = know.derived(actors._role_patterns), know.derived(actors._role_gates)
    for s in SENTENCES:
        gates = actors._holds_gates(s, g.held.held(sentence_words(s), s.lower()), g.bits)
        for m in find_actors(s):
            assert actors._holds_or_would_act(s, m, p, gates) == actors._holds_or_would_act(s, m, p), (s, m.raw)


def test_holder_frames_still_read_their_sentences():
    assert find_roles(SENTENCES[0]).target != "Islamic State"
    assert find_roles(SENTENCES[3]).target != "Russian Armed Forces"


def test_extraction_leaves_the_collector_as_it_found_it():
    import gc

    from claimscope.claims import DocumentInput, extract_chunk

    know = as_knowledge(None)
    doc = DocumentInput(doc_id="d0", text="Two shepherds were killed by a landmine near Tadmur on Sunday.",
                        published=None, published_precision="", title="")
    assert gc.get_freeze_count() == 0
    got = extract_chunk([doc], knowledge=know)
    assert gc.get_freeze_count() == 0 and len(got.claims) == 1
    gc.freeze()  # a caller that froze its heap keeps it frozen
    try:
        frozen = gc.get_freeze_count()
        extract_chunk([doc], knowledge=know)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
