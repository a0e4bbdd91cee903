"""Role-play practice: the catalogue, the play screen and the end screen."""
