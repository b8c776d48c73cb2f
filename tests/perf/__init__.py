"""The big town's measurements (issue 22): not part of the normal test run."""
