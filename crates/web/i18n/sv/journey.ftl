# journey
