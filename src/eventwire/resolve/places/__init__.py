"""places: an offline geoparser.

    gaz = load_gazetteer()                 # built once (from PyPI data), passed in
    priors = OutletPriors.build(Geoparser(gaz), [(outlet, doc), ...])  # optional, from texts
    places = Geoparser(gaz).parse(doc, text, hints={"title": ..., "outlet_domain": ...}, priors=priors)
    focus = article_focus(places)
    loc = event_location(places, start, end, focus)
    acled_geo_precision(loc.precision), ucdp_where_prec(loc.precision)
"""

from eventwire.resolve.places.gazetteer import Gazetteer, load_gazetteer
from eventwire.resolve.places.geoparse import Geoparser
from eventwire.resolve.places.priors import OutletPriors
from eventwire.resolve.places.location import (
    acled_geo_precision,
    article_focus,
    event_location,
    not_actors,
    ucdp_where_prec,
)

__all__ = ["Gazetteer", "Geoparser", "OutletPriors", "acled_geo_precision", "article_focus",
           "event_location", "load_gazetteer", "not_actors", "ucdp_where_prec"]
