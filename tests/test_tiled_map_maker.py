"""What an outside map maker tripped on (issue 12): shapes, typed-property messages,
cascading errors, templates. Each map here is a tiny hand-made one."""

from __future__ import annotations

import pytest

from game.tiled.loader import load_scenario, read_map
from game.tiled.validate import validate_map
from tests.tiled_maps import basic_objects, obj, prop, write_map

SPAWN = obj(1, "SquadSpawn", 48, 48, body="<point/>")
EXIT = obj(2, "Extraction", 224, 32, extra=' width="32" height="64"')
LINE = '<polyline points="0,0 64,0"/>'


def _lines(problems) -> list[str]:
    return [f"{p.severity}: {p}" for p in problems]


@pytest.mark.parametrize("cls", ["Insurgent", "Civilian", "SquadSpawn", "Crate"])
@pytest.mark.parametrize("body", [LINE, '<polygon points="0,0 64,0 0,32"/>', "<text>hi</text>"])
def test_a_line_polygon_or_text_with_a_point_class_is_an_error_not_a_unit(tmp_path, cls, body):
    stray = obj(9, cls, 80, 80, body=body)
    path = write_map(tmp_path, objects=[*basic_objects(), stray])
    result = read_map(path)
    mine = [p for p in result.problems if p.object_id == 9]
    assert len(mine) == 1 and mine[0].is_error, _lines(result.problems)
    assert f"{cls} must be a point" in mine[0].message
    # it adds nobody: the units are the four basic objects' ones
    scen = result.scenario
    assert len(scen.squad) + len(scen.civilians) + len(scen.insurgents) + len(scen.crates) == 3


def test_a_patrol_line_given_the_insurgent_class_says_how_to_fix_it(tmp_path):
    guard = obj(3, "Insurgent", 48, 80, prop("patrol", 9, "object"), body="<point/>")
    route = obj(9, "Insurgent", 48, 80, body=LINE)
    path = write_map(tmp_path, objects=[SPAWN, EXIT, guard, route])
    problems = validate_map(str(path))
    assert [p.object_id for p in problems] == [9], _lines(problems)
    assert "a patrol route needs no class" in problems[0].message
    with pytest.raises(Exception, match="must be a point"):
        load_scenario(path)


def test_zone_shapes_name_what_they_are(tmp_path):
    ellipse = obj(2, "Extraction", 224, 32, extra=' width="32" height="64"', body="<ellipse/>")
    path = write_map(tmp_path, objects=[SPAWN, ellipse])
    problems = validate_map(str(path))
    assert _lines(problems) == [
        f'error: {path}: object 2 "" (224, 32): Extraction must be a rectangle, not an ellipse']


@pytest.mark.parametrize("value, type_, expected", [
    ("north", "int", 'property "facing" must be int (a whole number); "north" is not one '
                     "(degrees: 0 east, 90 south, 180 west, 270 north)"),
    ("north", "string", 'property "facing" must be int (a whole number), but it is a string '
                        'property "north" (remove it and add it again as int; degrees:'),
    ("90", "float", 'property "facing" must be int (a whole number), but it is a float '
                    'property "90"'),
])
def test_typed_property_messages_name_the_expected_and_actual_type(tmp_path, value, type_,
                                                                   expected):
    ins = obj(4, "Insurgent", 176, 48, prop("facing", value, type_), body="<point/>")
    path = write_map(tmp_path, objects=[*basic_objects()[:3], ins])
    problems = validate_map(str(path))
    assert len(problems) == 1 and expected in problems[0].message, _lines(problems)
    assert "must be int, not int" not in problems[0].message


@pytest.mark.parametrize("value, type_, expected", [
    ("maybe", "bool", 'property "hidden" must be bool (true or false); "maybe" is not one'),
    ("1", "int", 'property "hidden" must be bool (true or false), but it is an int property '
                 '"1" (remove it and add it again as bool)'),
])
def test_bool_messages(tmp_path, value, type_, expected):
    civ = obj(3, "Civilian", 144, 80, prop("hidden", value, type_), body="<point/>")
    objects = basic_objects()
    objects[2] = civ
    problems = validate_map(str(write_map(tmp_path, objects=objects)))
    assert [p.message for p in problems] == [expected]


def test_map_property_of_the_right_type_but_bad_text(tmp_path):
    path = write_map(tmp_path, map_props=prop("time_limit", "ten", "int"))
    problems = validate_map(str(path))
    assert [p.message for p in problems] == [
        'map property "time_limit" must be int (a whole number); "ten" is not one']


ROOM_WITH_PILLAR = [
    "##########",
    "#.#......#",
    "#........#",
    "#........#",
    "##########",
]


@pytest.mark.parametrize("objects, only", [
    # the only SquadSpawn is inside a wall: not also "no SquadSpawn object"
    ([obj(1, "SquadSpawn", 80, 48, body="<point/>"), EXIT], "SquadSpawn is inside a wall"),
    # the only Extraction has the wrong shape: not also "no Extraction zone"
    ([SPAWN, obj(2, "Extraction", 224, 32, body=LINE)], "Extraction must be a rectangle"),
    # a misspelt class: not also "no SquadSpawn object"
    ([obj(1, "Squadspawn", 48, 48, body="<point/>"), EXIT], "did you mean SquadSpawn?"),
])
def test_one_cause_gives_one_error(tmp_path, objects, only):
    path = write_map(tmp_path, rows=ROOM_WITH_PILLAR, objects=objects)
    problems = validate_map(str(path))
    assert len(problems) == 1 and only in problems[0].message, _lines(problems)


def test_a_civilian_in_a_wall_is_not_also_missing_from_rescue_required(tmp_path):
    civ = obj(3, "Civilian", 80, 48, body="<point/>")
    path = write_map(tmp_path, rows=ROOM_WITH_PILLAR, objects=[SPAWN, EXIT, civ],
                     map_props=prop("rescue_required", 1))
    problems = validate_map(str(path))
    assert len(problems) == 1 and "Civilian is inside a wall" in problems[0].message, \
        _lines(problems)


def test_groups_of_dropped_objects_still_count(tmp_path):
    # the only member of group "east" stands in a wall, and the only trigger of group "west"
    # is not a rectangle: each has its error, and nothing else is blamed on them
    trig = obj(3, "Trigger", 144, 80, prop("group", "east", "string"),
               extra=' width="32" height="32"')
    walled = obj(4, "Insurgent", 80, 48, prop("group", "east", "string"), body="<point/>")
    bad_trig = obj(5, "Trigger", 144, 48, prop("group", "west", "string"), body=LINE)
    ambusher = obj(6, "Insurgent", 176, 80, prop("group", "west", "string")
                   + prop("ambush", True), body="<point/>")
    path = write_map(tmp_path, rows=ROOM_WITH_PILLAR,
                     objects=[SPAWN, EXIT, trig, walled, bad_trig, ambusher])
    problems = validate_map(str(path))
    assert sorted(p.object_id for p in problems) == [4, 5], _lines(problems)


def test_patrol_reference_messages_say_what_the_object_is(tmp_path):
    guard = obj(3, "Insurgent", 48, 80, prop("patrol", 2, "object"), body="<point/>")
    lost = obj(4, "Insurgent", 80, 80, prop("patrol", 77, "object"), body="<point/>")
    path = write_map(tmp_path, objects=[SPAWN, EXIT, guard, lost])
    messages = {p.object_id: p.message for p in validate_map(str(path))}
    assert messages[3] == "patrol refers to object 2, which is a rectangle, not a polyline " \
                          "or polygon"
    assert messages[4] == "patrol refers to object 77, but no object on a visible object " \
                          "layer has that id"


def _templated(oid: int, source: str, x: int, y: int) -> str:
    return f'<object id="{oid}" template="{source}" x="{x}" y="{y}"/>'


def test_every_missing_template_is_listed_once(tmp_path):
    objects = [SPAWN, EXIT, _templated(3, "mine/scout.tx", 80, 80),
               _templated(4, "mine/elder.tx", 112, 80), _templated(5, "mine/scout.tx", 144, 80)]
    path = write_map(tmp_path, objects=objects)
    problems = validate_map(str(path))
    assert [(p.object_id, p.is_error) for p in problems] == [(3, True), (4, True)], \
        _lines(problems)
    assert "'mine/scout.tx' not found" in problems[0].message
    assert problems[0].message.endswith("(also objects 5)")
    assert "'mine/elder.tx' not found" in problems[1].message


def test_the_games_own_template_found_by_name_is_a_warning(tmp_path):
    # saved from a folder where ../templates/insurgent.tx existed; here it does not
    objects = [*basic_objects(), _templated(9, "../templates/insurgent.tx", 112, 80),
               _templated(10, "../templates/insurgent.tx", 144, 48)]
    problems = validate_map(str(write_map(tmp_path, objects=objects)))
    assert len(problems) == 1 and not problems[0].is_error, _lines(problems)
    assert problems[0].message == (
        "template '../templates/insurgent.tx' is not beside the map; using the game's own of "
        "the same name (if one is a template you made, copy it along with the map)")


def test_every_fallen_back_template_is_named_in_one_warning(tmp_path):
    objects = [*basic_objects(), _templated(9, "../t/insurgent.tx", 112, 80),
               _templated(10, "../t/civilian.tx", 144, 48)]
    problems = validate_map(str(write_map(tmp_path, objects=objects)))
    assert len(problems) == 1 and not problems[0].is_error, _lines(problems)
    assert problems[0].message.startswith(
        "templates '../t/insurgent.tx', '../t/civilian.tx' are not beside the map")


def test_a_template_beside_the_map_gives_no_warning(tmp_path):
    from game import MAPS_DIR

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "insurgent.tx").write_bytes(
        (MAPS_DIR / "templates" / "insurgent.tx").read_bytes())
    objects = [*basic_objects(), _templated(9, "templates/insurgent.tx", 112, 80)]
    assert validate_map(str(write_map(tmp_path, objects=objects))) == []


def test_a_missing_template_does_not_hide_the_other_problems_nor_blame_others(tmp_path):
    # the squad spawn's own template is missing: that is said once, and not also
    # "no SquadSpawn"; the insurgent's bad facing is still reported
    spawn = _templated(1, "mine/spawn.tx", 48, 48)
    guard = obj(4, "Insurgent", 176, 48, prop("facing", "north", "int"), body="<point/>")
    path = write_map(tmp_path, objects=[spawn, *basic_objects()[1:3], guard])
    problems = validate_map(str(path))
    assert sorted(p.object_id for p in problems) == [1, 4], _lines(problems)
    with pytest.raises(Exception, match="mine/spawn.tx"):
        load_scenario(path)


def test_a_spawn_that_lost_its_class_is_one_line_not_also_no_squad_spawn(tmp_path):
    # what Tiled 1.8 leaves of a Tiled 1.9 class= spawn with `member` set: no class
    lost = obj(1, "", 48, 48, prop("member", "rafiq", "string"), body="<point/>")
    path = write_map(tmp_path, objects=[lost, *basic_objects()[1:]])
    problems = validate_map(str(path))
    assert len(problems) == 1 and "fit SquadSpawn" in problems[0].message, _lines(problems)
    # it was the only spawn: the game cannot start the map, so the validator must not pass it
    assert problems[0].is_error, _lines(problems)
    with pytest.raises(Exception, match="SquadSpawn"):
        load_scenario(path)


def test_a_classless_spawn_beside_a_real_one_stays_a_warning(tmp_path):
    lost = obj(9, "", 64, 48, prop("member", "rima", "string"), body="<point/>")
    path = write_map(tmp_path, objects=[*basic_objects(), lost])
    problems = validate_map(str(path))
    assert [p.is_error for p in problems if "fit SquadSpawn" in p.message] == [False]
    load_scenario(path)
