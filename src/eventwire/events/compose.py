"""Codes for an event embedded under an intention, refusal, demand or threat verb.

CAMEO codes "agreed to hold talks" as an intention to meet (036), "refused to release" as 1243,
"urged Israel to withdraw" as 1056 and "vowed to attack" as a threat (138). Rather than a pattern per
combination, the inner event is coded on its own and its code is mapped into the frame's family here.
"""

from __future__ import annotations

FRAMES = {
    **dict.fromkeys(
        ["agree", "offer", "promise", "pledge", "plan", "intend", "ready", "willing", "prepared", "decide",
         "propose", "commit", "consent", "volunteer", "undertake", "aim", "seek", "want", "prepare",
         "determined", "eager", "keen", "expect", "hope", "resolve", "move", "going", "set"],
        "intent",
    ),
    **dict.fromkeys(["refuse", "decline", "reject", "unwilling", "reluctant", "balk", "fail"], "reject"),
    **dict.fromkeys(
        ["urge", "demand", "ask", "call", "press", "appeal", "pressure", "request", "order", "instruct",
         "tell", "invite", "encourage", "push", "require", "exhort", "implore", "remind", "warn", "insist"],
        "demand",
    ),
    **dict.fromkeys(["threaten", "vow", "swear"], "threaten"),
}  # fmt: skip

_INTENT = {
    "04": "036", "045": "039", "046": "036", "05": "032", "057": "030", "06": "030", "061": "0311",
    "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333",
    "074": "0334", "075": "033", "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341",
    "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353", "0841": "0353", "0842": "0353",
    "085": "0354", "086": "0355", "087": "0356", "09": "030", "03": None, "01": None, "02": None,
}  # fmt: skip
_THREAT = {
    "14": "133", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "18": "1383", "19": "1384", "191": "1381", "192": "1382", "195": "1384", "20": "1383", "204": "1385",
    "2041": "1385", "2042": "1385", "15": "138", "13": None,
}  # fmt: skip
_REJECT = {
    "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212",
    "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233",
    "0834": "1234", "084": "1243", "0841": "1243", "0842": "1243", "085": "1244", "086": "1245",
    "087": "1246", "0871": "1246", "03": "120", "12": None,
}  # fmt: skip
_DEMAND = {
    "04": "106", "045": "108", "05": "102", "057": "107", "06": "101", "061": "1011", "062": "1012",
    "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
    "08": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041", "0832": "1042", "0833": "1043",
    "0834": "1044", "084": "1053", "0841": "1053", "0842": "1053", "085": "1054", "086": "1055",
    "087": "1056", "0871": "1056", "0874": "1056", "03": "100", "10": None, "12": "100",
}  # fmt: skip


def _lookup(table: dict[str, str | None], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def compose(family: str, code: str) -> str | None:
    """The code of `code` under a frame of `family`; None keeps the inner code unchanged."""
    if family == "intent" or family == "future":
        if code[:2] in ("13", "14", "15", "16", "17", "18", "19", "20"):
            return _lookup(_THREAT, code)  # "vowed to attack", "will impose a curfew": a threat
        return _lookup(_INTENT, code)
    if family == "threaten":
        return _lookup(_THREAT, code) or "130"
    if family == "reject":
        return _lookup(_REJECT, code) or "120"
    if family == "demand":
        return _lookup(_DEMAND, code) or "100"
    return None
