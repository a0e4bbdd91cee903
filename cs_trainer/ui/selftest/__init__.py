"""The service-potential self-test in candidate mode, its dialogs and its result view."""
