"""Knowledge quizzes: taking a quiz, the quizzes page and item statistics."""
