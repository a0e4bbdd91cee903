"""cs_trainer: recruitment, training and evaluation for customer-service teams.

Only :mod:`cs_trainer.ui` imports Qt; everything else is plain Python that the
GUI and the command line share (see docs/architecture.md).
"""

__version__ = "0.1.0"
