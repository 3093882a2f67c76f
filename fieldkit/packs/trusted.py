"""The public keys every fieldkit trusts out of the box: the fieldkit project's publishing key.

Kept as Python rather than a data file so it is inside every build (wheel, source checkout, one-file executable)
without packaging rules. Only PUBLIC keys belong here. The matching secret key is kept offline by the fieldkit
maintainers and is never in this repository. Organisations add their own keys with `fieldkit pack trust`.
"""

SHIPPED_KEYS = [
    "fieldkit-ed25519-public 8zA8KGvdTeH66ygjgolHgaHMueidTaXPPgLPscr/tlo= fieldkit project",  # id 70f33b295adb3155
]
