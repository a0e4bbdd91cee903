"""The candidate list, one candidate's record, registering, the recruitment pipeline and the
evaluation sheet's save and print.
"""
