"""Reading the repository into records and diagnostics: no citation, no checks of content."""
