//! address: placeholder module created so parallel work lands without conflicts; filled in by its issue.
