"""Code behind every worked number and figure of the site, one module per chapter.

The pages include named sections of these modules, so what a reader sees is what
the tests run.
"""
