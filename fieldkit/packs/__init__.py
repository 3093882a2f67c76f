"""Signed content packs: update fieldkit's content offline and know it is authentic.

A pack (`*.fkpack`) is a zip archive in one exact layout holding three files:

- `manifest.json`: pack name, content version, created date, content schema, languages, counts, the signer's
  public key, and the size and sha256 of fieldkit.db (unpacked, and as stored);
- `manifest.sig`: the 64-byte Ed25519 signature of exactly the bytes of manifest.json;
- `fieldkit.db`: the compiled content database.

One module per job: `manifest` (fields, versions), `keys` (key files, trusted keys), `signing` (Ed25519),
`archive` (the zip layout, read defensively), `reader` (every check, in order), `build` (make and sign a pack),
`state` (what is installed; cheap, used on every start), `install` (atomic install, rollback, list), `atomic`
(durable writes), `errors` (PackError). docs/content-updates.md explains it for publishers and field teams.
"""

from fieldkit.packs.errors import PackError

__all__ = ["PackError"]
