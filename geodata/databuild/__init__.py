"""The data build: any province's data set made from the national files shipped in ``geodata/data/thailand/``.

Modules, in the order the data flows:
- ``pack``: the national source layers -> the compact shipped files (run once when the sources change);
- ``national``: the shipped files read once per process (gazetteer, tambon polygons, 2012 village points);
- ``names``: Thai village names normalised and compared;
- ``matching``: 2012 points matched to DOPA villages in three tiers;
- ``province``: one province's villages, tambons and amphoe, written in the embedded data set's layout;
- ``every_province``: all provinces in parallel, with a summary table;
- ``cache``: built provinces cached in the user's cache folder (``geodata.province_data`` loads through it);
- ``cli``: ``rollout data build`` and ``rollout data provinces``.
"""
