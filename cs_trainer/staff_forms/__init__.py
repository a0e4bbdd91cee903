"""Evaluation forms for staff already in post: the performance evaluation form and the
front-desk reception deduction standard (schemas and their built-in content)."""
