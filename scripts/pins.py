"""The exact version a requirements file pins for a package (shared by the generator scripts)."""
import re
import sys


def pinned(requirements, name, tool):
    """`name`'s version in `requirements` (`name==X`); exits with a message naming `tool` if absent."""
    with open(requirements, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^\s*' + re.escape(name) + r'==(\S+)', line)
            if m:
                return m.group(1)
    sys.exit(f'{tool}: {name} is not pinned in {requirements}')
