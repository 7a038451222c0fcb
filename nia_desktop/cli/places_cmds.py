"""`nia places [--case C] [--region CODE] [--limit N --offset K] [--json]`: the places of the user's kept fusion,
most reported first, with their country, Japanese prefecture, position and the readable reports naming them
(services/places.place_page, the map's own question).

Need-to-know as the map: only the user's own fusion, only readable reports counted, and nothing at all of a
fusion that draws on a report they may no longer read. A page is audited (entity.places) with the entities on it.
Paging as the other listings (cli/paging): --json is the array of rows, a cut said on stderr, unless --limit or
--offset asks for the page object."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, run_in_session
from nia_desktop.cli.paging import add_paging, respond_page, window

if TYPE_CHECKING:
    from nia_desktop.services.places import Place
    from nia_desktop.services.session import Session

PLACES_PAGE = 100
_HEADERS = ["entity", "place", "country", "prefecture", "lat", "lon", "reports"]


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser(
        "places", parents=[common],
        help="places named in the reports you may read, from your latest fusion (most reported first)")
    listing.add_argument("--case", default="", help="a case's fusion (default: the fusion of every report)")
    listing.add_argument("--region", default="", metavar="CODE",
                         help="only a country (JP, FR) or a Japanese prefecture (JP-13)")
    add_paging(listing, PLACES_PAGE)
    listing.set_defaults(handler=_places)


def _row(place: Place) -> list[str]:
    from nia_desktop.core.fusion import geo

    prefecture = geo.prefecture(place.prefecture) if place.prefecture else None
    return [str(place.entity_id), place.name, place.country or "-",
            f"{place.prefecture} {prefecture.name_en}" if prefecture else "-",
            f"{place.lat:.4f}", f"{place.lon:.4f}", str(place.reports)]


def _places(args: argparse.Namespace) -> int:
    from nia_desktop.cli.output import table
    from nia_desktop.services.places import place_page

    def act(session: Session) -> int:
        size, skip = window(args)
        page = place_page(session, args.case, size, skip, args.region)
        if page.items:
            text = table([_row(p) for p in page.items], _HEADERS)
        elif skip:
            text = "no more places"
        else:
            text = f"no places in {args.region.upper()}" if args.region else "no places (fuse first: nia fuse)"
        return respond_page(args, page, text)

    return run_in_session(args, act)
