"""Staff evaluation forms: the performance evaluation and the front-desk reception assessment."""
