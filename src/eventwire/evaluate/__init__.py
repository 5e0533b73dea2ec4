"""Evaluation: predictions against annotated data, one module per task.

``attribution`` (PolNeAR format), ``actors`` (sample annotations, PLOVER sentences),
``events`` (PLOVER sentences, PETRARCH unit-test records). Each exposes a function that
returns a plain dict of metrics; ``eventwire evaluate …`` prints it.
"""
