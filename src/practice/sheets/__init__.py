"""ReportLab documents: self-record sheets, reminder cards, prep summaries. No Qt."""
