# ruff: noqa: E501  (node ids, one a line)
"""Cases the wave-26 model gets wrong, marked strict xfail by node id (``conftest.py``).

Wave 26 (helper risk26) trained the risk model on the exam batches 15-18 and set 28, and added
a gentle second pair of thresholds (the lead's decision: everyday comments may get a gentle
helpline note up to 5 % of the time, against 3 % for the confident one; a kind note to someone
who did not need it costs far less than silence to someone who did). Everyday texts that earlier
attacks pinned as "no helplines" and that now get one are false alarms still: each is a strict
xfail here, so that a model or rule that quiets it again flips it. A gentle note counts as an
alarm (``tests/alerts.py``).
"""

from __future__ import annotations

GENTLE = "owner risk26: gentle false alarm (wave 26, 5 % everyday limit)"
CONFIDENT = "owner risk26: REGRESSION of the wave-26 retrain (a confident false alarm)"
OTHER = "owner risk26: REGRESSION of the wave-26 retrain (or its gentle tier)"

KNOWN = {
    **dict.fromkeys(
        [
            "tests/test_risk_alarms23.py::test_everyday_complaints_get_no_helplines[a porta da casa de banho n\\xe3o abre bem, algu\\xe9m devia arranjar]",
            "tests/test_risk_alarms23.py::test_everyday_complaints_get_no_helplines[\\u0628\\u0627\\u0628 \\u0627\\u0644\\u062d\\u0645\\u0627\\u0645 \\u0645\\u0627 \\u0628\\u064a\\u0641\\u062a\\u062d \\u0645\\u0646\\u064a\\u062d\\u060c \\u0644\\u0627\\u0632\\u0645 \\u062d\\u062f\\u0627 \\u064a\\u0635\\u0644\\u062d\\u0647]",
            "tests/test_risk_alarms23.py::test_everyday_complaints_get_no_helplines[vreau s\\u0103 fiu cu ea din nou, fiica mea e \\xeen plasament]",
            "tests/test_risk_bereaved24.py::test_wanting_to_be_with_a_son_who_lives_gets_no_helplines[My son lives with his dad now. I want to be with him at Christmas.]",
            "tests/test_risk_bereaved24.py::test_wanting_to_be_with_a_son_who_lives_gets_no_helplines[\\u0986\\u09ae\\u09be\\u09b0 \\u099b\\u09c7\\u09b2\\u09c7 \\u0993\\u09b0 \\u09ac\\u09be\\u09ac\\u09be\\u09b0 \\u09b8\\u09be\\u09a5\\u09c7 \\u09a5\\u09be\\u0995\\u09c7\\u0964 \\u09aa\\u09c1\\u099c\\u09cb\\u09af\\u09bc \\u0986\\u09ae\\u09bf \\u0993\\u09b0 \\u09b8\\u09be\\u09a5\\u09c7 \\u09a5\\u09be\\u0995\\u09a4\\u09c7 \\u099a\\u09be\\u0987\\u0964]",
            "tests/test_risk_goodbye25.py::test_a_goodbye_before_a_move_and_the_doctors_double_dose_get_no_helplines[Kit\\u0105 savait\\u0119 kraustausi \\u012f Vilni\\u0173 d\\u0117l darbo. A\\u010di\\u016b u\\u017e visk\\u0105, sudie.]",
            "tests/test_attack21_risk.py::test_a_near_miss_of_the_blind_corpus_is_not_signposted[bn-rom-uncle-long-ago]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[pt-bathroom-door-sticks]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[so-bathroom-door-sticks]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[ar-bathroom-door-sticks]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[ro-daughter-in-care]",
            "tests/test_attack22_risk.py::test_everyday_feedback_stays_quiet[the clinic is open nine to five, five days, two one one two is the room code]",
            "tests/test_attack23_risk.py::test_everyday_feedback_gets_no_helplines[pl-homeless-shelter-husband-waits]",
            "tests/test_attack23_risk.py::test_everyday_feedback_gets_no_helplines[ru-homeless-shelter-husband-waits]",
            "tests/test_attack23_risk.py::test_everyday_feedback_gets_no_helplines[so-shelter-husband-waits]",
            "tests/test_attack23_risk.py::test_everyday_feedback_gets_no_helplines[en-son-bored-of-life-in-the-flat]",
            "tests/test_attack23_situations.py::test_everyday_feedback_in_several_sentences_gets_no_helplines[e7]",
            "tests/test_attack23_situations.py::test_everyday_feedback_in_several_sentences_gets_no_helplines[e8]",
            "tests/test_attack23_situations.py::test_everyday_feedback_in_several_sentences_gets_no_helplines[e70]",
            "tests/test_attack23_situations.py::test_everyday_feedback_in_several_sentences_gets_no_helplines[e168]",
            "tests/test_attack23_situations.py::test_everyday_feedback_in_several_sentences_gets_no_helplines[e197]",
            "tests/test_attack25_everyday.py::test_everyday_talk_in_the_weak_languages_gets_no_helplines[lv-guard-away-next-week]",
            "tests/test_attack25_risk.py::test_being_with_the_living_or_at_a_grave_gets_no_helplines[pt-guard-cemiterio]",
            "tests/test_risk_vetoes24.py::test_a_near_miss_gets_no_helplines[N\\xe3o, sinto-me segura com o meu marido]",
            "tests/test_risk_vetoes24.py::test_a_near_miss_gets_no_helplines[my daughter isn't safe on her scooter on that road]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[en-scale-of-one-to-ten-nine]",
            "tests/test_attack22_risk.py::test_everyday_feedback_stays_quiet[the needle exchange was closed twice this week and the toilet was broken]",
        ],
        GENTLE,
    ),
    **dict.fromkeys(
        [
            "tests/test_risk_alarms23.py::test_everyday_complaints_get_no_helplines[\\u09ac\\u09be\\u09a5\\u09b0\\u09c1\\u09ae\\u09c7\\u09b0 \\u09a6\\u09b0\\u099c\\u09be \\u0996\\u09c1\\u09b2\\u099b\\u09c7 \\u09a8\\u09be, \\u0995\\u09c7\\u0989 \\u09a0\\u09bf\\u0995 \\u0995\\u09b0\\u09c1\\u09a8]",
            "tests/test_risk_bereaved24.py::test_wanting_to_be_with_a_son_who_lives_gets_no_helplines[Wiilkaygu wuxuu la joogaa aabihiis. Waxaan rabaa inaan la joogo ciidda.]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[bn-bathroom-door-sticks]",
            "tests/test_attack22_risk.py::test_everyday_feedback_with_the_new_words_gets_no_helplines[lt-daughter-in-foster-family]",
            "tests/test_attack23_situations.py::test_everyday_feedback_in_several_sentences_gets_no_helplines[e182]",
            "tests/test_attack25_everyday.py::test_everyday_talk_in_the_weak_languages_gets_no_helplines[en-guard-not-at-group]",
            "tests/test_risk_vetoes24.py::test_a_near_miss_gets_no_helplines[Pirms trim gadiem sevi griezu, un r\\u0113tas v\\u0113l ir redzamas.]",
        ],
        CONFIDENT,
    ),
    **dict.fromkeys(
        [
            "tests/test_attack24_everyday.py::test_a_long_goodbye_to_the_group_gets_no_helplines[lt-moving-for-a-job-goodbye-everyone]",
            "tests/test_attack24_everyday.py::test_an_everyday_trip_or_room_gets_no_helplines[pl-sat-on-the-windowsill-no-chairs]",
            "tests/test_attack24_everyday.py::test_an_everyday_trip_or_room_gets_no_helplines[pt-window]",
            "tests/test_attack24_everyday.py::test_an_everyday_trip_or_room_gets_no_helplines[pl-nobody-here]",
            "tests/test_attack20_risk.py::test_a_closing_or_recovery_answer_gets_no_alert[en-My last day at the service is Friday, I'll miss everyone, goodbye and thank you]",
            "tests/test_attack20_risk.py::test_saving_up_for_a_holiday_gets_no_alert[ur-kai mahino se chhutti ke liye paise jama kar raha hoon, shayad aaj raat book karoon]",
            "tests/test_attack24_everyday.py::test_everyday_feedback_gets_no_helplines[bn-cat-to-sister]",
            "tests/test_attack25_risk.py::test_thanks_before_i_go_with_keys_and_pet_arranged_gets_the_helplines[en-lead-thanks-before-i-go-keys-cat]",
            "tests/test_attack26_chat.py::test_a_disclosure_inside_a_long_spoken_answer_gets_helplines[ro-True]",
        ],
        OTHER,
    ),
}
"""Node id -> why it is expected to fail."""
