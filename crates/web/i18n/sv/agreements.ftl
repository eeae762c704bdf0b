# agreements
