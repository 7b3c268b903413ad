"""MkDocs hook: after Material's search plugin has indexed a page without its code blocks
(see ``on_page_context`` in build.py), give the page its code back before the page is written."""

from mkdocs.plugins import event_priority


@event_priority(-50)  # after the search plugin (priority 0)
def on_page_context(context, page, config, nav):
    page.content = page.content_with_code
    return context
