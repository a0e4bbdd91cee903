"""Candidate mode: the self-test and the typing test full screen, locked, with a
thank-you screen at the end; leaving needs an HR interviewer's or an administrator's
password."""
