"""The trainer's side: progress, cohorts, trend charts and score-sheet export."""
