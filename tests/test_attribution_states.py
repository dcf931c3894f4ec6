"""A bare office ("authorities", "the ministry", "the army") speaks for the
state the text names, never for the outlet's state by default (sentences
written for these tests)."""

from claimscope.attribution import attribute

from builtin_knowledge import bind

attribute = bind(attribute)


def one(sentence, outlet="Outlet", before=()):
    return attribute([*before, sentence], outlet=outlet)[-1]


def test_authorities_in_a_foreign_outlets_copy_are_the_states_the_text_names():
    before = ("Two car bombs exploded outside a court building in Damascus on Sunday.",)
    a = one("At least nine people were killed, according to authorities.", outlet="TRT World", before=before)
    assert (a.source, a.source_side) == ("Syrian government", "syrian_government")
    # near miss: the text names no state: no state's voice, whatever the outlet's
    a = one("At least nine people were killed, according to authorities.", outlet="TRT World")
    assert a.source_side == "unknown" and a.source != "Turkish government"
    assert a.raw == "authorities"


def test_the_ministry_takes_the_state_its_own_sentence_names():
    a = one("Russian bombers struck positions east of Palmyra overnight, the ministry said.", outlet="Al-Manar")
    assert a.source_side == "russia"
    a = one("Artillery hit a depot in Latakia, in Iran's ally Syria's northwest, the country's defence ministry said.",
            outlet="Al-Alam")
    assert a.source_side != "iran"
    # the state named most in the sentence wins; a tie names no one
    a = one("Turkish jets and Russian jets struck the area, the ministry said.", outlet="Daily Sabah")
    assert a.source_side == "unknown"


def test_a_state_word_inside_another_bodys_name_names_no_state():
    before = ("The Syrian Observatory for Human Rights said the Free Syrian Army had lost the hill.",)
    a = one("The interior ministry said three officers were hurt.", outlet="Anadolu Agency", before=before)
    assert a.source_side == "unknown"


def test_the_army_is_the_forces_of_the_state_the_text_names():
    a = one("In a statement carried by Turkey's state broadcaster, the army said two tanks were hit near the border.",
            outlet="Al-Alam")
    assert (a.source, a.source_side) == ("Turkish Armed Forces", "turkey")
    # near miss: no other state named: the theatre's own army, as before
    a = one("In late September the army announced an operation to retake the eastern districts.", outlet="Daily Sabah")
    assert a.source_side == "syrian_government"
    # a name that carries its state is not re-read
    a = one("The Syrian army said it repelled an attack near the Turkish border.", outlet="Daily Sabah")
    assert a.source_side == "syrian_government"


def test_the_army_of_a_text_naming_two_states_equally_is_no_states():
    before = ("Turkish troops shelled villages near Tal Rifaat after Syrian forces fired on an outpost.",)
    a = one("The army said four soldiers were wounded.", outlet="Reuters", before=before)
    assert a.source_side == "unknown" and a.raw == "The army"
    # near misses: one state named before (its army), or one named more in the sentence itself
    a = one("The army said four soldiers were wounded.", outlet="Reuters",
            before=("Turkish troops shelled villages near Tal Rifaat on Sunday.",))
    assert a.source == "Turkish Armed Forces"
    a = one("The army said four Turkish soldiers and a Turkish contractor were hurt by Syrian fire.", outlet="Reuters")
    assert a.source == "Turkish Armed Forces"
    # the state whose own army the text named with that word
    a = one("The army said 30 fighters were killed.", outlet="Reuters",
            before=("The Syrian army, backed by Russian jets, took the town of Saraqeb.",))
    assert a.source_side == "syrian_government"


def test_a_minister_of_no_named_state_is_a_person_not_the_outlets_government():
    a = one("Prime Minister Emre Dogan said last week that his country would not allow a new state on its border.",
            outlet="Al-Alam")
    assert (a.source_type, a.source_side) == ("person", "unknown")
    a = one("Prime Minister Emre Dogan said last week that Turkey would not allow a new state on its border.",
            outlet="Al-Alam")
    assert (a.source, a.person) == ("Turkish government", "Emre Dogan")


def test_the_ministry_of_national_defense_is_turkeys():
    a = one("Two jets were shot down over Idlib after they attacked a convoy, the National Defense Ministry said.",
            outlet="Daily Sabah")
    assert a.source == "Turkish Defense Ministry"


def test_a_pro_government_militia_speaks_for_itself_not_the_ministry():
    a = one("An NDF commander told AFP the strike hit a depot near Quneitra.")
    assert (a.source, a.source_type) == ("National Defense Forces", "partisan")
    # near miss: the army's own officer is the state's military voice
    a = one("A Syrian army commander told AFP the strike hit a depot near Quneitra.")
    assert a.source_side == "syrian_government" and a.source != "National Defense Forces"


def test_the_revolution_general_commission_is_not_the_coordination_committees():
    a = one("The Syrian Revolution General Commission said 12 people died in Douma.")
    assert a.source == "Syrian Revolution General Commission"
    a = one("The Local Coordination Committees said 12 people died in Douma.")
    assert a.source == "Local Coordination Committees"
