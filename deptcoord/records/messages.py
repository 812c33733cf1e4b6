"""The sentences people see when notes, documents, links or searches refuse their input (tests
assert them)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import REQUIRED  # noqa: F401  (shared sentence)

TITLE_REQUIRED = _("Give the note a title.")
DOCUMENT_TITLE_REQUIRED = _("Give the document a title.")
TITLE_TOO_LONG = _("Keep the title under 200 characters.")
BODY_TOO_LONG = _("Keep the note under 100,000 characters; split a longer text into several notes.")
DEPARTMENT_INACTIVE = _("This department is deactivated. Choose an active one.")
TOO_MANY_TAGS = _("Use at most 10 tags.")
TAG_TOO_LONG = _("Keep each tag under 40 characters: “%(tag)s” is longer.")
FILE_REQUIRED = _("Choose a file to upload.")
FILE_TOO_LARGE = _(
    "The file is %(size)s MB; files can be at most %(limit)s MB. Compress it or split it."
)
FILE_EMPTY = _("The file is empty. Choose the file again.")
FILE_TYPE_REFUSED = _(
    "“%(name)s” is not an accepted file: upload PDF, Word (DOCX), Excel (XLSX), PowerPoint "
    "(PPTX), ODT, TXT, Markdown, CSV, PNG or JPEG."
)
FILE_CONTENT_MISMATCH = _(
    "“%(name)s” does not contain what its name says (a %(type)s file). Save it again in that "
    "format and upload it."
)
LINK_UNKNOWN = _("Pick a goal, project, step, meeting or person to link.")
LINK_NOT_FOUND = _("That record does not exist or you may not see it.")
LINK_EXISTS = _("This record is already linked.")
SEARCH_NO_WORDS = _("Type at least one word or number to search: punctuation alone finds nothing.")
SEARCH_MORE = _(
    "More than %(number)s records match; these are the best of the newest %(number)s. Add a word "
    "to narrow the search."
)
AT_LEAST = _("%(number)s+")  # a count that stopped counting: "1,000+"
