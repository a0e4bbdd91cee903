"""Signing in, switching user, the idle lock, and the admin's account and audit pages."""
