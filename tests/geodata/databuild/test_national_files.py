"""The shipped national files hold what geodata/data/SOURCES.md says they hold."""

from geodata.databuild import pack
from geodata.databuild.national import SHIPPED_FILES, national_data, national_file


def test_gazetteer_counts_and_population():
    data = national_data()
    assert (len(data.provinces), len(data.amphoes), len(data.tambons), len(data.villages)) == (77, 928, 7436,
                                                                                                75206)
    assert data.tambons["population_2021"].sum() == 66_171_439
    assert data.villages["village_code"].is_unique
    assert (data.villages["village_code"].str[:6] == data.villages["tambon_code"]).all()


def test_boundaries_and_2012_points():
    data = national_data()
    assert len(data.polygons) == 7425 and data.polygons.geometry.is_valid.all()
    assert len(data.points) == 65_213 and data.points["main_id"].is_unique
    assert (data.points["in_tambon"] == "").sum() < 200  # a few points lie offshore of the simplified coast


def test_a_tambon_moved_to_another_amphoe_gets_its_polygon_back():
    """ท่าแฝก was 530306 (amphoe Tha Pla) in the boundary file and is 530407 (amphoe Nam Pat) today."""
    data = national_data()
    assert data.recoded == (("530306", "530407"),)
    polygons = set(data.polygons["tambon_code"])
    assert set(data.villages["tambon_code"]) <= polygons


def test_shipped_files_stay_small():
    total = sum(national_file(name).stat().st_size for name in SHIPPED_FILES)
    assert total < 5_000_000
    assert pack.POINTS_FILE in SHIPPED_FILES
