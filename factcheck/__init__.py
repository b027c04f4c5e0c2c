"""factcheck: check numbers in news text for consistency."""
