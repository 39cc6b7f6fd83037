"""Honoree photos, from upload to every file a page links to. One module per job:

- `validation`: only JPEG, PNG and WebP by content, ≤ 10 MB, ≤ 40 megapixels, fully decodable.
- `fields`: `PhotoField`, whose stored file is the *master*: upright, sRGB, no metadata, at most
  2400 px, JPEG, under a random name.
- `renditions`: square cards and responsive profile widths in WebP and JPEG (pilkit processors),
  named from the master so that a page computes their addresses without touching storage.
- `share_card`: the 1200×630 Open Graph card with the name in Thai (Sarabun, line breaking that
  never splits a letter from its marks).
- `record_files`: any record's master and renditions on save (honorees and the programme's
  records), and the removal of what a new photo replaces after the transaction commits.
- `honoree_files`: keeps an honoree's files in line with its fields on save and removes what they
  replace after the transaction commits; the rebuild and the clean-up of unused files.
- `paths`: where each kind of file is stored, its address, and which honoree a stored path
  belongs to (for the media view).
"""
