"""The district map of /districts/, drawn on the server as inline SVG from networks/data/.

The GeoJSON is read once per process. Coordinates are projected equirectangularly with the
longitude scaled by cos(latitude), which is accurate enough for one province.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

GEOJSON_PATH = Path(__file__).resolve().parent / "data" / "surat-thani-districts.geojson"
ATTRIBUTION = _("ขอบเขตอำเภอ: OCHA / กรมแผนที่ทหาร ผ่าน HDX (CC BY-IGO)")
VIEW_WIDTH = 600
PADDING = 6
BUCKETS = 4


@dataclass(frozen=True)
class DistrictShape:
    code: str
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class DistrictMap:
    width: int
    height: int
    shapes: dict[str, DistrictShape]
    # The projection, so that points (learning sources) land on the same drawing.
    min_lon: float = 0.0
    max_lat: float = 0.0
    x_factor: float = 1.0
    scale: float = 1.0

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a longitude/latitude falls on the drawing (x, y), rounded to 0.1."""
        x = PADDING + (float(lon) - self.min_lon) * self.x_factor * self.scale
        y = PADDING + (self.max_lat - float(lat)) * self.scale
        return round(x, 1), round(y, 1)


def _polygons(geometry) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def _ring_area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _centroid(ring) -> tuple[float, float]:
    area = 0.0
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    return cx / (3 * area), cy / (3 * area)


@cache
def district_map(path: Path = GEOJSON_PATH) -> DistrictMap:
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    points = [
        point
        for feature in features
        for polygon in _polygons(feature["geometry"])
        for ring in polygon
        for point in ring
    ]
    min_lon = min(p[0] for p in points)
    max_lon = max(p[0] for p in points)
    min_lat = min(p[1] for p in points)
    max_lat = max(p[1] for p in points)
    x_factor = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = (VIEW_WIDTH - 2 * PADDING) / ((max_lon - min_lon) * x_factor)
    height = round((max_lat - min_lat) * scale + 2 * PADDING)

    def project(lon, lat):
        return (PADDING + (lon - min_lon) * x_factor * scale, PADDING + (max_lat - lat) * scale)

    shapes = {}
    for feature in features:
        code = feature["properties"]["code"]
        commands = []
        largest, largest_area = None, -1.0
        for polygon in _polygons(feature["geometry"]):
            for ring in polygon:
                projected = [project(lon, lat) for lon, lat in ring]
                commands.append(
                    "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in projected) + "Z",
                )
            outer = [project(lon, lat) for lon, lat in polygon[0]]
            area = _ring_area(outer)
            if area > largest_area:
                largest, largest_area = outer, area
        label_x, label_y = _centroid(largest)
        shapes[code] = DistrictShape(code, "".join(commands), round(label_x, 1), round(label_y, 1))
    return DistrictMap(VIEW_WIDTH, height, shapes, min_lon, max_lat, x_factor, scale)


def _inside(ring, lon: float, lat: float) -> bool:
    """Ray casting: is the point inside the ring?"""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


@cache
def _district_polygons(path: Path = GEOJSON_PATH) -> list[tuple[str, list]]:
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    return [(f["properties"]["code"], polygon) for f in features for polygon in _polygons(f["geometry"])]


def district_code_at(lon: float, lat: float) -> str | None:
    """The code of the district whose boundary holds the point, None outside the province."""
    lon, lat = float(lon), float(lat)
    for code, (outer, *holes) in _district_polygons():
        if _inside(outer, lon, lat) and not any(_inside(hole, lon, lat) for hole in holes):
            return code
    return None


def shade(count: int, highest: int) -> int:
    """Bucket 0 for none, then 1..BUCKETS in proportion to the busiest district."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, math.ceil(BUCKETS * count / highest))
