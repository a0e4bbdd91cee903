"""The typing test: setup and the timed typing screen."""
