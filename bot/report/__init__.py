"""Weekly summaries: the commissioner report and the network report.

The way through: ``queries`` counts in SQL, ``aggregate`` turns counts into a
raw ``model.Report``, ``suppress.publish`` hides small numbers and returns a
``model.PublicReport`` — the only type the renderers accept — and ``export``
writes the files.  The bot calls ``export.weekly_summary_text`` and
``export.export_files``.
"""
