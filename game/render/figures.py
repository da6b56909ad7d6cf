"""Top-down people drawn in code: one look per unit kind, one picture per pose and frame.

A figure is drawn facing east in its own frame of reference: f runs forward, s to its
right, both in body radii, so one set of shapes serves every size.  It is drawn four
times too large and scaled down once, which gives soft edges at any zoom; the sprite
cache then turns it to each facing bucket.  Nothing here knows about the world: the
cache picks the pose from the unit's state (game/render/sprites.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

SS = 4  # drawn at this multiple of the final size, then scaled down once
Colour = tuple[int, int, int]

POSES = ("idle", "walk", "aim", "fire", "reload", "carry", "carry_crate", "treat", "work",
         "panic", "downed", "dead")
FRAMES = {"walk": 4, "fire": 2, "reload": 2, "carry": 4, "carry_crate": 4, "treat": 2,
          "work": 2, "panic": 2}
LYING = ("downed", "dead")


@dataclass(frozen=True)
class Look:
    """What sets one kind apart, in colours and parts."""

    body: Colour  # shoulders and torso
    head: Colour  # helmet, beret, headwrap or hair
    legs: Colour
    rim: Colour  # outline: blue-ish squad, red insurgents, yellow survivors
    gun: str = ""  # "", rifle, smg, carbine, marksman, ak, lmg, sniper
    back: str = ""  # radio, medbag, toolpack, ammo, none
    hat: str = "helmet"  # helmet, beret, wrap, hood, hair
    scale: float = 1.0  # the body radius is set by the cache; this shapes proportions
    ghillie: bool = False
    stick: bool = False
    skin: Colour = (196, 150, 110)


SQUAD_RIM = (150, 210, 255)
ENEMY_RIM = (70, 20, 14)
CIVILIAN_RIM = (255, 226, 90)

LOOKS: dict[str, Look] = {
    "rafiq": Look((52, 120, 200), (128, 28, 44), (50, 60, 70), SQUAD_RIM, "rifle", "radio",
                  "beret"),
    "hana": Look((40, 168, 160), (236, 236, 230), (50, 60, 70), SQUAD_RIM, "smg", "medbag"),
    "maaz": Look((70, 140, 110), (84, 92, 60), (50, 60, 70), SQUAD_RIM, "carbine", "toolpack"),
    "rima": Look((96, 110, 200), (70, 76, 60), (50, 60, 70), SQUAD_RIM, "marksman", "none",
                 "hood"),
    "rifleman": Look((150, 62, 44), (214, 200, 170), (80, 62, 48), ENEMY_RIM, "ak", "none",
                     "wrap"),
    "scout": Look((176, 96, 54), (40, 36, 34), (88, 70, 52), ENEMY_RIM, "ak", "none", "wrap",
                  0.95),
    "gunner": Look((120, 48, 36), (214, 200, 170), (70, 56, 44), ENEMY_RIM, "lmg", "ammo",
                   "wrap", 1.1),
    "sniper": Look((84, 92, 52), (70, 80, 44), (60, 58, 40), ENEMY_RIM, "sniper", "none",
                   "hood", 1.0, ghillie=True),
    "child": Look((236, 170, 60), (60, 40, 30), (120, 90, 60), CIVILIAN_RIM, hat="hair"),
    "adult": Look((222, 196, 92), (50, 36, 30), (110, 92, 70), CIVILIAN_RIM, hat="hair"),
    "elder": Look((196, 184, 140), (226, 226, 220), (110, 100, 84), CIVILIAN_RIM, hat="hair",
                  stick=True),
}
FALLBACK = Look((150, 150, 150), (90, 90, 90), (70, 70, 70), (230, 230, 230))

# (length past the shoulders, width, in body radii) and the parts each gun carries
GUNS = {
    "rifle": (1.55, 0.2), "smg": (1.05, 0.24), "carbine": (1.35, 0.2),
    "marksman": (2.05, 0.18), "ak": (1.45, 0.2), "lmg": (1.65, 0.3), "sniper": (2.2, 0.17),
}
GUN_METAL = (30, 30, 32)
FLASH_OUTER, FLASH_INNER = (255, 196, 70), (255, 250, 220)
BLOOD = (150, 20, 16)


def dim(c: Colour, k: float) -> Colour:
    return (round(c[0] * k), round(c[1] * k), round(c[2] * k))


class Pen:
    """Draws shapes given in (f, s) body radii onto a square canvas facing east."""

    def __init__(self, surf: pygame.Surface, radius_px: float) -> None:
        self.surf = surf
        self.k = radius_px * SS
        self.c = surf.get_width() / 2

    def p(self, f: float, s: float) -> tuple[float, float]:
        return self.c + f * self.k, self.c + s * self.k

    def circle(self, colour, f: float, s: float, r: float, width: float = 0) -> None:
        w = 0 if not width else max(1, round(width * self.k))
        pygame.draw.circle(self.surf, colour, self.p(f, s), max(1.0, r * self.k), w)

    def ellipse(self, colour, f: float, s: float, rf: float, rs: float, width: float = 0):
        rect = pygame.Rect(0, 0, max(2, rf * 2 * self.k), max(2, rs * 2 * self.k))
        rect.center = self.p(f, s)
        w = 0 if not width else max(1, round(width * self.k))
        pygame.draw.ellipse(self.surf, colour, rect, w)

    def box(self, colour, f0: float, s0: float, f1: float, s1: float) -> None:
        x0, y0 = self.p(min(f0, f1), min(s0, s1))
        x1, y1 = self.p(max(f0, f1), max(s0, s1))
        pygame.draw.rect(self.surf, colour, (x0, y0, max(1, x1 - x0), max(1, y1 - y0)))

    def line(self, colour, a: tuple[float, float], b: tuple[float, float], width: float):
        pygame.draw.line(self.surf, colour, self.p(*a), self.p(*b), max(1, round(width * self.k)))

    def poly(self, colour, pts: list[tuple[float, float]]) -> None:
        pygame.draw.polygon(self.surf, colour, [self.p(f, s) for f, s in pts])


def canvas_half(radius_px: float) -> int:
    """Half the side of a figure's canvas at final size: room for the longest gun and
    its flash, or a body carried across the shoulders."""
    return math.ceil(radius_px * 3.1) + 2


def draw_figure(look: Look, pose: str, frame: int, radius_px: float,
                carried: Look | None = None, wounded: bool = False) -> pygame.Surface:
    """The figure facing east at its final size, centred on its canvas."""
    half = canvas_half(radius_px)
    big = pygame.Surface((half * 2 * SS, half * 2 * SS), pygame.SRCALPHA)
    pen = Pen(big, radius_px)
    if pose in LYING:
        _lying(pen, look, pose == "dead", wounded)
    else:
        _standing(pen, look, pose, frame, carried, wounded)
    return pygame.transform.smoothscale(big, (half * 2, half * 2))


def _standing(pen: Pen, look: Look, pose: str, frame: int, carried: Look | None,
              wounded: bool) -> None:
    crouch = pose in ("treat", "work", "panic")
    if pose in ("walk", "carry", "carry_crate"):
        _legs(pen, look, frame)
    _back(pen, look, pose)
    shake = (0.09 if frame else -0.09) if pose == "panic" else 0.0
    width = (0.82 if crouch else 1.0) * (1.0 if look.gun else 0.86)
    if look.ghillie:
        _ghillie(pen, look)
    pen.ellipse(look.rim, -0.02, shake, 0.6, width + 0.08)
    pen.ellipse(look.body, -0.02, shake, 0.5, width - 0.02)
    if wounded:  # a bloodied, bandaged shoulder
        pen.ellipse(BLOOD, 0.0, 0.42 + shake, 0.3, 0.34)
        pen.line((240, 236, 226), (0.3, 0.18 + shake), (-0.3, 0.7 + shake), 0.16)
    if look.stick:  # a walking stick planted ahead and to the right
        pen.line((70, 46, 24), (0.1, 0.7), (1.05, 1.0), 0.17)
        pen.line((170, 124, 70), (0.1, 0.7), (1.05, 1.0), 0.09)
        pen.circle(dim(look.skin, 0.9), 0.2, 0.74, 0.16)
    _arms_and_gun(pen, look, pose, frame, shake)
    if pose == "carry" and carried is not None:
        _carried(pen, carried)
    if pose == "carry_crate":
        pen.box((90, 60, 30), 0.35, -0.7, 1.25, 0.7)
        pen.box((150, 108, 58), 0.43, -0.62, 1.17, 0.62)
        pen.line((240, 240, 240), (0.8, -0.3), (0.8, 0.3), 0.14)
        pen.line((240, 240, 240), (0.5, 0.0), (1.1, 0.0), 0.14)
    _head(pen, look, 0.18 if look.stick else 0.0, shake, pose == "panic")
    if wounded:  # a bandage round the head
        f = 0.18 if look.stick else 0.0
        pen.line((244, 240, 232), (f - 0.05, shake - 0.36), (f - 0.05, shake + 0.36), 0.16)
        pen.circle((200, 30, 24), f - 0.05, shake - 0.18, 0.08)


def _legs(pen: Pen, look: Look, frame: int) -> None:
    """Feet show ahead of and behind the body in turn: the walk cycle."""
    stride = (0.0, 0.72, 0.0, -0.72)[frame % 4]
    for side, sign in ((-0.3, 1), (0.3, -1)):
        f = stride * sign
        pen.ellipse(dim(look.legs, 0.55), f, side, 0.3, 0.2)
        pen.ellipse(look.legs, f, side, 0.24, 0.14)


def _back(pen: Pen, look: Look, pose: str) -> None:
    """What each carries on the back, the strongest clue to who it is from above."""
    if look.back == "radio":
        pen.box((40, 56, 40), -0.85, -0.45, -0.35, 0.35)
        pen.line((20, 20, 20), (-0.7, -0.35), (-1.9, -0.95), 0.07)  # the whip antenna
        pen.circle((240, 70, 60), -1.9, -0.95, 0.1)
    elif look.back == "medbag":
        pen.box((250, 250, 246), -0.95, -0.55, -0.3, 0.55)
        pen.line((220, 30, 30), (-0.63, -0.38), (-0.63, 0.38), 0.2)
        pen.line((220, 30, 30), (-0.88, 0.0), (-0.38, 0.0), 0.2)
    elif look.back == "toolpack":
        pen.box((60, 44, 20), -1.0, -0.68, -0.3, 0.68)
        pen.box((232, 150, 30), -0.92, -0.6, -0.38, 0.6)
        pen.line((40, 30, 20), (-0.65, -0.6), (-0.65, 0.6), 0.1)
        pen.line((170, 170, 176), (-1.2, 0.75), (0.0, -0.85), 0.13)  # a pry bar across it
    elif look.back == "ammo":
        pen.box((60, 74, 44), -0.9, -0.5, -0.35, 0.5)
        pen.line((200, 170, 70), (-0.2, -0.7), (0.3, 0.7), 0.12)  # a belt across the chest


def _ghillie(pen: Pen, look: Look) -> None:
    """A shaggy fringe of tufts around the body: a sniper in a ghillie suit."""
    for i in range(16):
        a = i * math.tau / 16
        r = 0.78 + 0.16 * ((i * 7) % 3) / 2
        shade = dim(look.body, (0.7, 1.0, 1.25)[i % 3])
        shade = tuple(min(255, v) for v in shade)
        pen.circle(shade, math.cos(a) * r * 0.85, math.sin(a) * r * 1.15, 0.24)


def _arms_and_gun(pen: Pen, look: Look, pose: str, frame: int, shake: float) -> None:
    skin = look.skin
    sleeve = dim(look.body, 0.8)
    if pose == "panic":  # hands over the head
        for s in (-0.35, 0.35):
            pen.line(sleeve, (0.0, s * 2 + shake), (0.25, s + shake), 0.22)
            pen.circle(skin, 0.25, s + shake, 0.14)
        return
    if pose in ("treat", "work"):  # both hands reach down to the patient or the lock
        reach = 0.95 + (0.12 if frame else 0.0)
        pen.line(sleeve, (0.0, -0.6), (reach, -0.18), 0.2)
        pen.line(sleeve, (0.0, 0.6), (reach, 0.18), 0.2)
        pen.circle(skin, reach, -0.18, 0.14)
        pen.circle(skin, reach, 0.18, 0.14)
        if pose == "work":
            pen.line((170, 170, 176), (reach - 0.1, 0.0), (reach + 0.55, 0.0), 0.12)
        return
    if pose == "carry_crate":
        for s in (-0.62, 0.62):
            pen.line(sleeve, (0.0, s), (0.45, s * 0.95), 0.2)
        return
    if not look.gun:
        swing = {0: 0.0, 1: 0.42, 2: 0.0, 3: -0.42}[frame % 4] if pose == "walk" else 0.0
        for s, sign in ((-0.78, 1), (0.78, -1)):
            hand = (0.1 + swing * sign, s * 1.12)
            pen.line(dim(sleeve, 0.8), (0.0, s * 0.95), hand, 0.24)
            pen.circle(skin, *hand, 0.15)
        return
    _gun(pen, look, pose, frame)


def _gun(pen: Pen, look: Look, pose: str, frame: int) -> None:
    length, width = GUNS.get(look.gun, (1.4, 0.2))
    sleeve = dim(look.body, 0.8)
    skin = look.skin
    side = 0.22  # held on the right, stock at the right shoulder
    base = 0.1
    if pose in ("aim", "fire"):
        base = 0.3  # shouldered and pushed out along the line of sight
    if pose == "fire" and frame == 0:
        base -= 0.18  # the kick
    if pose == "carry":
        length *= 0.8
    if pose == "reload":  # the gun tipped across the body, a fresh magazine in the left hand
        tip = (base + length * 0.75, -0.45)
        pen.line(GUN_METAL, (base, side), tip, width)
        mag_f = 0.55 if frame else 0.3
        pen.line(sleeve, (0.0, -0.65), (mag_f, -0.8), 0.2)
        pen.box((60, 56, 40), mag_f - 0.12, -0.98, mag_f + 0.12, -0.66)
        pen.line(sleeve, (0.0, 0.62), (base + 0.2, side + 0.05), 0.2)
        pen.circle(skin, base + 0.2, side + 0.05, 0.13)
        return
    tip_f = base + length
    pen.line(sleeve, (0.0, 0.62), (base + 0.15, side + 0.12), 0.22)  # trigger arm
    pen.line(sleeve, (0.0, -0.62), (base + length * 0.55, side - 0.06), 0.22)  # support arm
    pen.line(GUN_METAL, (base - 0.25, side), (tip_f, side), width)
    if look.gun in ("marksman", "sniper"):  # the scope
        pen.line((16, 16, 18), (base + 0.35, side), (base + 0.95, side), width * 1.9)
    elif look.gun == "ak":  # the curved magazine
        pen.line((50, 34, 22), (base + 0.5, side + 0.05), (base + 0.62, side + 0.34), 0.16)
    elif look.gun == "lmg":
        pen.box((52, 66, 40), base + 0.2, side + 0.12, base + 0.6, side + 0.5)  # belt box
    pen.circle(skin, base + 0.15, side + 0.12, 0.13)
    pen.circle(skin, base + length * 0.55, side - 0.06, 0.13)
    if pose == "fire" and frame == 0:  # the muzzle flash
        f = tip_f + 0.38
        pen.poly(FLASH_OUTER, [(tip_f, side - 0.16), (f + 0.55, side), (tip_f, side + 0.16),
                               (f, side - 0.5), (f + 0.12, side), (f, side + 0.5)])
        pen.circle(FLASH_OUTER, f, side, 0.36)
        pen.circle(FLASH_INNER, f, side, 0.2)


def _head(pen: Pen, look: Look, forward: float, shake: float, panic: bool) -> None:
    f, s = forward, shake
    if look.hat == "beret":
        pen.circle(dim(look.skin, 0.8), f, s, 0.4)
        pen.circle(look.head, f - 0.04, s - 0.08, 0.36)
        pen.circle(dim(look.head, 1.35), f + 0.12, s - 0.2, 0.1)  # the badge
    elif look.hat == "wrap":  # a headwrap with its tail hanging behind
        pen.line(dim(look.head, 0.82), (f - 0.2, s), (f - 0.72, s + 0.22), 0.2)
        pen.circle(dim(look.head, 0.7), f, s, 0.42)
        pen.circle(look.head, f, s, 0.36)
        pen.line((170, 40, 36), (f - 0.25, s - 0.2), (f + 0.25, s + 0.2), 0.08)
    elif look.hat == "hood":
        pen.circle(dim(look.head, 0.7), f, s, 0.43)
        pen.circle(look.head, f - 0.03, s, 0.36)
    elif look.hat == "hair":
        pen.circle(dim(look.skin, 0.85), f, s, 0.4)
        pen.circle(look.head, f - 0.06, s, 0.34)
    else:  # helmet
        pen.circle(dim(look.head, 0.6), f, s, 0.43)
        pen.circle(look.head, f, s, 0.37)
        pen.circle(dim(look.head, 1.2) if max(look.head) < 200 else (220, 40, 40),
                   f + 0.05, s, 0.12)
    if panic:
        pen.circle((255, 255, 255), f + 0.42, s, 0.1)


def _carried(pen: Pen, who: Look) -> None:
    """A person slung across the carrier's shoulders: the fireman's carry."""
    pen.ellipse(dim(who.rim, 0.6), -0.1, 0.0, 0.42, 1.22)
    pen.ellipse(who.body, -0.1, 0.0, 0.36, 1.12)
    pen.ellipse(who.legs, -0.1, 0.85, 0.26, 0.38)
    pen.circle(dim(who.skin, 0.85), -0.1, -1.2, 0.32)
    pen.circle(who.head, -0.16, -1.2, 0.27)


def _lying(pen: Pen, look: Look, dead: bool, wounded: bool) -> None:
    """Flat on the ground along the facing, head forward; the dead greyed, in a pool."""
    k = 0.6 if dead else 1.0
    if dead or wounded:
        pen.ellipse(dim(BLOOD, 0.8), 0.1, 0.35, 0.55, 0.45)
    if not dead:
        pen.ellipse(look.rim, -0.15, 0.0, 1.18, 0.6)
    pen.ellipse(dim(look.legs, k), -0.75, 0.0, 0.52, 0.36)
    pen.ellipse(dim(look.body, k), -0.05, 0.0, 0.62, 0.5)
    pen.line(dim(look.body, k * 0.8), (0.2, -0.4), (0.55, -0.95), 0.2)  # arms flung out
    pen.line(dim(look.body, k * 0.8), (0.1, 0.4), (-0.2, 0.95), 0.2)
    pen.circle(dim(look.skin, k), 0.55, -0.95, 0.13)
    pen.circle(dim(look.skin, 0.85 * k), 0.75, 0.0, 0.34)
    pen.circle(dim(look.head, k), 0.72, 0.0, 0.29)
    if look.gun:  # the weapon dropped beside the body
        length, width = GUNS.get(look.gun, (1.4, 0.2))
        pen.line(dim(GUN_METAL, 1.4), (-0.6, 0.85), (-0.6 + length * 0.8, 1.05), width)
    if not dead:  # a red cross: someone must get to them
        pen.line((255, 255, 255), (-0.1, -0.3), (-0.1, 0.3), 0.34)
        pen.line((255, 255, 255), (-0.4, 0.0), (0.2, 0.0), 0.34)
        pen.line((220, 30, 30), (-0.1, -0.24), (-0.1, 0.24), 0.2)
        pen.line((220, 30, 30), (-0.34, 0.0), (0.14, 0.0), 0.2)
